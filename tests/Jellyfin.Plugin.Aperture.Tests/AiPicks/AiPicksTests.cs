using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// AI picks against the AI emulator serving real sentence embeddings (a local all-MiniLM-L6-v2): a science-fiction
/// fan's picks, hidden picks, re-embedding only what changed, a model switch, too little history, and the fallback
/// without a provider.
/// </summary>
public sealed class AiPicksTests : IAsyncLifetime
{
    private static readonly string[] _liked = ["Interstellar", "The Martian", "Gravity", "Apollo 13"];
    private readonly PicksHost _host = new();
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public AiPicksTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        _output = output;
    }

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AUserWhoLikedSpaceFilmsGetsMostlySpaceFilmsAndNothingSeenOrForbidden()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        _host.Library.Forbidden[user] = [_host.Library.Id("Alien")];

        await _host.RunAsync();

        var picks = _host.Picks(user);
        _output.WriteLine(string.Join("\n", picks.Select(p => p.Name + ": " + p.Reason)));
        var top = picks.Take(5).Select(p => p.Name).ToList();
        Assert.True(top.Count(PicksCatalog.IsSciFi) >= 4, "Top picks: " + string.Join(", ", top));
        Assert.DoesNotContain(picks, p => _liked.Contains(p.Name));
        Assert.DoesNotContain(picks, p => p.Name == "Alien");

        // Each pick says why, naming titles the user liked.
        Assert.All(picks, p => Assert.Matches("^Because you liked (Interstellar|The Martian|Gravity|Apollo 13) and (Interstellar|The Martian|Gravity|Apollo 13)\\.$", p.Reason));

        // The user's own playlist holds the picks in order, under the default name.
        Assert.Equal(picks.Select(p => p.Name), _host.PlaylistNames(user));
        Assert.Equal([AiOptions.DefaultPicksPlaylist], _host.Playlists.Of(user).Select(p => p.Name));
        Assert.StartsWith("AI: " + AiEmulator.SentenceModel, _host.State(user)!.Source, StringComparison.Ordinal);

        // People are only read for the fallback: one query per title saved when embeddings serve.
        Assert.Equal(0, _host.Library.ReadsWithPeople);
    }

    [Fact]
    public async Task AHiddenPickIsGoneAtOnceAndStaysGoneAfterTheNextRefresh()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        await _host.RunAsync();
        var first = _host.Picks(user)[0];

        // Through the user API, as the page's "Not interested" button does.
        var controller = Controller(user);
        var after = Assert.IsType<PicksView>(Assert.IsType<OkObjectResult>(controller.Hide(first.ItemId.ToString("N")).Result).Value);
        Assert.DoesNotContain(after.Picks, p => p.Name == first.Name);

        await _host.RunAsync();
        Assert.DoesNotContain(_host.Picks(user), p => p.ItemId == first.ItemId);
        Assert.DoesNotContain(first.Name, _host.PlaylistNames(user));
        Assert.NotEmpty(_host.Picks(user));

        // Another user's picks are untouched by it.
        Assert.IsType<BadRequestObjectResult>(controller.Hide("not-an-id").Result);
    }

    [Fact]
    public async Task TheUserApiActsOnlyForASignedInUser()
    {
        var anonymous = new UserPicksController(_host.Host.Get<PicksStore>(), _host.Host.Get<ReasonWriter>(), _host.Host.Get<Jellyfin.Plugin.Aperture.Integrations.IntegrationSettingsService>(), _host.Host.Time)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() },
        };
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ObjectResult>(anonymous.Get().Result).StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ObjectResult>(anonymous.Hide(Guid.NewGuid().ToString()).Result).StatusCode);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AChangedOverviewReEmbedsThatTitleOnly()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        await _host.RunAsync();
        var firstRun = _host.Ai.EmbeddedInputs.Count;
        Assert.Equal(_host.Library.Titles.Count, firstRun);

        await _host.RunAsync();
        Assert.Equal(firstRun, _host.Ai.EmbeddedInputs.Count);

        var index = _host.Library.Titles.FindIndex(t => t.Name == "Moon");
        _host.Library.Titles[index] = _host.Library.Titles[index] with { Overview = "An astronaut alone on a lunar base nears the end of his contract." };
        await _host.RunAsync();
        var again = _host.Ai.EmbeddedInputs.Skip(firstRun).ToList();
        Assert.Single(again);
        Assert.Contains("lunar base", again[0], StringComparison.Ordinal);

        // A title that leaves the library leaves the store; the others are not embedded again.
        var gone = _host.Library.Id("Solaris");
        _host.Library.Titles.RemoveAll(t => t.Id == gone);
        await _host.RunAsync();
        Assert.Equal(firstRun + 1, _host.Ai.EmbeddedInputs.Count);
        Assert.DoesNotContain(gone, _host.Host.Get<EmbeddingStore>().Hashes(AiEmulator.SentenceModel).Keys);
        Assert.Equal(_host.Library.Titles.Count, _host.Host.Get<EmbeddingStore>().Hashes(AiEmulator.SentenceModel).Count);
    }

    [Fact]
    public async Task ASwitchedModelIsUsedOnlyOnceEveryTitleHasItsEmbedding()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        _host.SetOptions((AiOptions.EmbeddingModel, "text-embedding-3-small"));
        await _host.RunAsync();
        Assert.Equal("AI: text-embedding-3-small", _host.State(user)!.Source);
        var picks = _host.Picks(user);
        Assert.NotEmpty(picks);

        // The new model cannot be reached: picks keep coming from the old, complete set.
        _host.SetOptions((AiOptions.EmbeddingModel, AiEmulator.SentenceModel));
        _host.Ai.Mode = FaultMode.Outage;
        var summary = await _host.RunAsync();
        Assert.Contains("Picks keep using text-embedding-3-small", summary, StringComparison.Ordinal);
        Assert.Equal("AI: text-embedding-3-small", _host.State(user)!.Source);
        Assert.Equal(picks.Select(p => p.ItemId), _host.Picks(user).Select(p => p.ItemId));

        _host.Ai.Mode = FaultMode.None;
        await _host.RunAsync();
        Assert.Equal("AI: " + AiEmulator.SentenceModel, _host.State(user)!.Source);
    }

    [Fact]
    public async Task AUserWithTooLittleHistoryGetsAClearMessageAndNoPlaylist()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), "Interstellar");

        await _host.RunAsync();

        Assert.Empty(_host.Picks(user));
        Assert.Empty(_host.Playlists.Of(user));
        Assert.StartsWith("Not enough history yet", _host.State(user)!.Message, StringComparison.Ordinal);
        Assert.Contains("so far 1", _host.State(user)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAiProviderPicksComeFromGenresKeywordsAndPeopleAndSayso()
    {
        _host.RemoveAiKey();
        string[] space = ["space", "astronaut", "spaceship"];
        string[] romance = ["love", "wedding", "london"];
        foreach (var (name, i) in PicksCatalog.SciFi.Select((s, i) => (s.Name, i)))
        {
            _host.Library.Titles.Add(new PickTitle(Guid.NewGuid(), MediaKind.Movie, name, 2000, ["Science Fiction"], null, [space[i % 3], "future"], ["Director " + (i % 2)], null));
        }

        foreach (var (name, i) in PicksCatalog.Others.Select((s, i) => (s.Name, i)))
        {
            _host.Library.Titles.Add(new PickTitle(Guid.NewGuid(), MediaKind.Movie, name, 2000, ["Drama"], null, [romance[i % 3]], [], null));
        }

        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        await _host.RunAsync();

        Assert.Equal(FallbackVectors.Label, _host.State(user)!.Source);
        Assert.Empty(_host.Ai.EmbeddedInputs);
        Assert.Equal(1, _host.Library.ReadsWithPeople);
        var top = _host.Picks(user).Take(5).Select(p => p.Name).ToList();
        Assert.True(top.All(PicksCatalog.IsSciFi), "Top picks: " + string.Join(", ", top));
    }

    [Fact]
    public async Task ARefreshThatCannotWriteAUsersPlaylistKeepsTheirPreviousPicksAndServesTheOthers()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var broken = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        var fine = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        _host.Playlists.Broken.Add(broken);

        await _host.RunAsync();

        Assert.Empty(_host.Picks(broken));
        Assert.Null(_host.State(broken));
        Assert.NotEmpty(_host.Picks(fine));
    }

    [Fact]
    public async Task AiWrittenReasonsAreOffByDefaultAndWhenOnStayWithinTheDailyTokenBudget()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        _host.Ai.ChatReply = "{\"reasons\": [" + string.Join(", ", Enumerable.Range(0, 20).Select(i => "\"Another journey into deep space, line " + i + ".\"")) + "]}";

        // Off by default: no chat call, reasons name the nearest liked titles, no budget shown.
        await _host.RunAsync();
        Assert.DoesNotContain(_host.Ai.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        Assert.All(_host.Picks(user), p => Assert.StartsWith("Because you liked", p.Reason, StringComparison.Ordinal));
        Assert.Null(View(user).ReasonBudget);

        // On: one call for the user, the model's lines replace the reasons, the tokens are counted.
        _host.SetOptions((AiOptions.EmbeddingModel, AiEmulator.SentenceModel), (AiOptions.AiReasons, "on"), (AiOptions.ReasonTokensPerDay, "5000"));
        await _host.RunAsync();
        Assert.Single(_host.Ai.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        Assert.Equal("Another journey into deep space, line 0.", _host.Picks(user)[0].Reason);
        Assert.Matches("^AI-written reasons: [1-9][0-9,]* of 5,000 tokens used today\\.$", View(user).ReasonBudget);

        // Budget spent: no call, and the picks keep the nearest-liked reasons.
        _host.Host.Get<ReasonTokenLedger>().Add(_host.Host.Time.GetUtcNow(), 5000);
        await _host.RunAsync();
        Assert.Single(_host.Ai.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        Assert.All(_host.Picks(user), p => Assert.StartsWith("Because you liked", p.Reason, StringComparison.Ordinal));

        // A new UTC day has a new budget.
        _host.Host.Time.Advance(TimeSpan.FromDays(1));
        await _host.RunAsync();
        Assert.Equal(2, _host.Ai.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnUnreadableChatAnswerKeepsTheNearestLikedReasons()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        var user = _host.Library.AddUser(_host.Host.Time.GetUtcNow(), _liked);
        _host.SetOptions((AiOptions.EmbeddingModel, AiEmulator.SentenceModel), (AiOptions.AiReasons, "on"));
        _host.Ai.ChatReply = "Sure! Here are some reasons.";

        await _host.RunAsync();

        Assert.NotEmpty(_host.Picks(user));
        Assert.All(_host.Picks(user), p => Assert.StartsWith("Because you liked", p.Reason, StringComparison.Ordinal));
    }

    private PicksView View(Guid userId) => Assert.IsType<PicksView>(Assert.IsType<OkObjectResult>(Controller(userId).Get().Result).Value);

    private UserPicksController Controller(Guid userId) => new(_host.Host.Get<PicksStore>(), _host.Host.Get<ReasonWriter>(), _host.Host.Get<Jellyfin.Plugin.Aperture.Integrations.IntegrationSettingsService>(), _host.Host.Time)
    {
        ControllerContext = new ControllerContext
        {
            HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("Jellyfin-UserId", userId.ToString())], "test")),
            },
        },
    };
}
