using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// Optional AI mood tags against the AI emulator: off by default, written once per title from the fixed vocabulary
/// ("Mood: Tense"), again only for a changed overview, within the daily token budget AI-written reasons share, and
/// nothing from an answer that cannot be read.
/// </summary>
public sealed class MoodTagsTests : IAsyncLifetime
{
    private readonly PicksHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task MoodTagsAreOffByDefaultAndMakeNoChatCall()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());

        await _host.RunAsync();

        Assert.Equal(0, ChatCalls());
        Assert.All(_host.Library.Titles, t => Assert.Empty(t.Tags));
    }

    [Fact]
    public async Task MoodTagsAreWrittenOnceFromTheVocabularyAndAChangedOverviewTagsThatTitleAgain()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        _host.Library.Titles[0] = _host.Library.Titles[0] with { Tags = ["space travel"] };
        On();

        await _host.RunAsync();

        // 24 titles, 20 per call; the emulator's unknown word "Spacey" is dropped, the enrichment's tag stays.
        Assert.Equal(2, ChatCalls());
        Assert.Equal(["space travel", "Mood: Epic", "Mood: Tense"], _host.Library.TagsOf("Interstellar"));
        Assert.Equal(["Mood: Romantic", "Mood: Feel-good"], _host.Library.TagsOf("Notting Hill"));
        Assert.Equal(["Mood: Dark"], _host.Library.TagsOf("Heat"));
        Assert.All(_host.Library.Titles, t => Assert.Contains(t.Tags, x => x.StartsWith(MoodTagger.Prefix, StringComparison.Ordinal)));

        // Tagged once: the next run asks nothing.
        await _host.RunAsync();
        Assert.Equal(2, ChatCalls());

        // A changed overview tags that title again, and its earlier moods give way to the new ones.
        var index = _host.Library.Titles.FindIndex(t => t.Name == "Interstellar");
        _host.Library.Titles[index] = _host.Library.Titles[index] with { Overview = "Two strangers fall in love on a long train journey." };
        await _host.RunAsync();
        Assert.Equal(3, ChatCalls());
        Assert.Equal(["space travel", "Mood: Romantic", "Mood: Feel-good"], _host.Library.TagsOf("Interstellar"));
    }

    [Fact]
    public async Task MoodTagsStopWhenTheSharedDailyBudgetIsSpentAndGoOnTheNextDay()
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        _host.Library.Titles.AddRange(Enumerable.Range(_host.Library.Titles.Count, 60 - _host.Library.Titles.Count)
            .Select(i => new PickTitle(Guid.NewGuid(), MediaKind.Movie, "Filler " + i, 2001, [], "A quiet story, number " + i + ".", [], [], null)));
        On();

        // AI-written reasons (or an earlier run) already used 3,400 of 5,000 tokens today: one call of 20 titles
        // (estimated 1,600 tokens) fits, the second does not.
        _host.Host.Get<ReasonTokenLedger>().Add(_host.Host.Time.GetUtcNow(), 3400);
        await _host.RunAsync();
        Assert.Equal(1, ChatCalls());
        Assert.Equal(20, Tagged());
        Assert.InRange(_host.Host.Get<ReasonTokenLedger>().Used(_host.Host.Time.GetUtcNow()), 3401, 5000);

        // Still the same day: nothing more.
        await _host.RunAsync();
        Assert.Equal(1, ChatCalls());

        // The next UTC day goes on with the rest.
        _host.Host.Time.Advance(TimeSpan.FromDays(1));
        await _host.RunAsync();
        Assert.Equal(3, ChatCalls());
        Assert.Equal(60, Tagged());
    }

    [Theory]
    [InlineData("Sure! Here are the moods.")]
    [InlineData("{\"moods\": {\"0\": [\"Dark\"]}}")]
    [InlineData("{\"moods\": [{\"id\": 0, \"moods\": [\"Dark\"]}, {\"id\": 99, \"moods\": [\"Dark\"]}]}")]
    [InlineData("{\"moods\": [{\"id\": 0, \"moods\": \"Dark\"}]}")]
    [InlineData("{\"tags\": [{\"id\": 0, \"moods\": [\"Dark\"]}]}")]
    public async Task AMalformedAnswerWritesNothingAndTheNextRunAsksAgain(string reply)
    {
        _host.Library.Titles.AddRange(PicksCatalog.Build());
        On();
        _host.Ai.MoodReply = reply;

        await _host.RunAsync();
        Assert.Equal(2, ChatCalls());
        Assert.Equal(0, Tagged());

        _host.Ai.MoodReply = null;
        await _host.RunAsync();
        Assert.Equal(4, ChatCalls());
        Assert.Equal(_host.Library.Titles.Count, Tagged());
    }

    private void On() => _host.SetOptions((AiOptions.EmbeddingModel, AiEmulator.SentenceModel), (AiOptions.AiMoodTags, "on"), (AiOptions.ReasonTokensPerDay, "5000"));

    private int ChatCalls() => _host.Ai.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    private int Tagged() => _host.Library.Titles.Count(t => t.Tags.Any(x => x.StartsWith(MoodTagger.Prefix, StringComparison.Ordinal)));
}
