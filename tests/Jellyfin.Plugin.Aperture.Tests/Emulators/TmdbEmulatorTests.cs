using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Emulators;

public sealed class TmdbEmulatorTests
{
    [Fact]
    public async Task AuthenticationAcceptsTheV3KeyAndTheBearerTokenAndRejectsAWrongKeyWithStatusCode7()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();

        using var byKey = await http.GetAsync(new Uri(tmdb.BaseUrl + "/authentication?api_key=" + tmdb.ValidKey));
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        using var ok = await Json.ReadAsync(byKey);
        Assert.True(ok.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(1, ok.RootElement.GetProperty("status_code").GetInt32());

        using var bearerRequest = new HttpRequestMessage(HttpMethod.Get, tmdb.BaseUrl + "/authentication");
        bearerRequest.Headers.Authorization = new("Bearer", TmdbEmulator.ValidBearerToken);
        using var byBearer = await http.SendAsync(bearerRequest);
        Assert.Equal(HttpStatusCode.OK, byBearer.StatusCode);

        using var wrong = await http.GetAsync(new Uri(tmdb.BaseUrl + "/authentication?api_key=0123456789abcdef0123456789abcdef"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var error = await Json.ReadAsync(wrong);
        Assert.False(error.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(7, error.RootElement.GetProperty("status_code").GetInt32());
        Assert.Equal("Invalid API key: You must be granted a valid key.", error.RootElement.GetProperty("status_message").GetString());
    }

    [Fact]
    public async Task MovieDetailsCarryKeywordsCollectionCrewImagesAndExternalIds()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(tmdb.BaseUrl + "/movie/1891?append_to_response=keywords,credits,images,external_ids,release_dates&include_image_language=en,null&api_key=" + tmdb.ValidKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = await Json.ReadAsync(response);
        var movie = doc.RootElement;
        Assert.Equal("The Empire Strikes Back", movie.GetProperty("title").GetString());
        Assert.Equal(10, movie.GetProperty("belongs_to_collection").GetProperty("id").GetInt32());
        Assert.Equal("Star Wars Collection", movie.GetProperty("belongs_to_collection").GetProperty("name").GetString());
        Assert.NotEmpty(movie.GetProperty("keywords").GetProperty("keywords").EnumerateArray());
        var jobs = movie.GetProperty("credits").GetProperty("crew").EnumerateArray().Select(c => c.GetProperty("job").GetString()).ToList();
        Assert.Contains("Director", jobs);
        Assert.Contains("Director of Photography", jobs);
        Assert.Contains("Original Music Composer", jobs);
        Assert.Contains("Editor", jobs);
        Assert.Contains(movie.GetProperty("images").GetProperty("backdrops").EnumerateArray(), b => b.GetProperty("iso_639_1").ValueKind == JsonValueKind.Null);
        Assert.Equal("tt0080684", movie.GetProperty("external_ids").GetProperty("imdb_id").GetString());
        Assert.Equal("PG", movie.GetProperty("release_dates").GetProperty("results")[0].GetProperty("release_dates")[0].GetProperty("certification").GetString());

        using var collection = await Json.ReadAsync(await http.GetAsync(new Uri(tmdb.BaseUrl + "/collection/10?api_key=" + tmdb.ValidKey)));
        Assert.Contains(collection.RootElement.GetProperty("parts").EnumerateArray(), p => p.GetProperty("id").GetInt32() == 1891);
    }

    [Fact]
    public async Task TvKeywordsComeUnderResultsAndFindResolvesImdbAndTvdbIds()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();

        using var tv = await Json.ReadAsync(await http.GetAsync(new Uri(tmdb.BaseUrl + "/tv/1396?append_to_response=keywords,aggregate_credits,external_ids,content_ratings&api_key=" + tmdb.ValidKey)));
        Assert.Equal("Breaking Bad", tv.RootElement.GetProperty("name").GetString());
        Assert.NotEmpty(tv.RootElement.GetProperty("keywords").GetProperty("results").EnumerateArray());
        Assert.False(tv.RootElement.GetProperty("keywords").TryGetProperty("keywords", out _));
        Assert.Equal(81189, tv.RootElement.GetProperty("external_ids").GetProperty("tvdb_id").GetInt32());
        Assert.Equal("TV-MA", tv.RootElement.GetProperty("content_ratings").GetProperty("results")[0].GetProperty("rating").GetString());

        using var byImdb = await Json.ReadAsync(await http.GetAsync(new Uri(tmdb.BaseUrl + "/find/tt0133093?external_source=imdb_id&api_key=" + tmdb.ValidKey)));
        Assert.Equal(603, byImdb.RootElement.GetProperty("movie_results")[0].GetProperty("id").GetInt32());
        using var byTvdb = await Json.ReadAsync(await http.GetAsync(new Uri(tmdb.BaseUrl + "/find/371980?external_source=tvdb_id&api_key=" + tmdb.ValidKey)));
        Assert.Equal(95396, byTvdb.RootElement.GetProperty("tv_results")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task UnknownIdsAreSyntheticAndStableUnlessSwitchedToNotFound()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();
        var url = new Uri(tmdb.BaseUrl + "/movie/100042?append_to_response=external_ids&api_key=" + tmdb.ValidKey);

        using var first = await Json.ReadAsync(await http.GetAsync(url));
        using var second = await Json.ReadAsync(await http.GetAsync(url));
        Assert.Equal("Synthetic Movie 42", first.RootElement.GetProperty("title").GetString());
        Assert.Equal(first.RootElement.GetRawText(), second.RootElement.GetRawText());
        var imdb = first.RootElement.GetProperty("external_ids").GetProperty("imdb_id").GetString();
        using var found = await Json.ReadAsync(await http.GetAsync(new Uri(tmdb.BaseUrl + "/find/" + imdb + "?external_source=imdb_id&api_key=" + tmdb.ValidKey)));
        Assert.Equal(100042, found.RootElement.GetProperty("movie_results")[0].GetProperty("id").GetInt32());

        tmdb.UnknownIdsAreNotFound = true;
        using var missing = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var body = await Json.ReadAsync(missing);
        Assert.Equal(34, body.RootElement.GetProperty("status_code").GetInt32());
    }

    [Fact]
    public async Task OutageAnswers503WithStatusCode9()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();
        tmdb.Mode = FaultMode.Outage;

        using var response = await http.GetAsync(new Uri(tmdb.BaseUrl + "/movie/603?api_key=" + tmdb.ValidKey));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = await Json.ReadAsync(response);
        Assert.Equal(9, body.RootElement.GetProperty("status_code").GetInt32());
    }
}
