using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// A small library with real overviews: space science fiction, and titles of other kinds (romance, westerns, crime,
/// cooking, period drama). No genres or tags on purpose, so AI picks can only tell them apart by what the overviews
/// mean; <see cref="SciFi"/> is the test's own answer key.
/// </summary>
public static class PicksCatalog
{
    /// <summary>The space science-fiction titles (the answer key).</summary>
    public static readonly IReadOnlyList<(string Name, string Overview)> SciFi =
    [
        ("Interstellar", "A team of astronauts travels through a wormhole near Saturn in search of a new planet for humanity as Earth dies."),
        ("The Martian", "An astronaut stranded on Mars after his crew leaves him for dead must survive alone on the red planet until a rescue mission can reach him."),
        ("Gravity", "Two astronauts are left drifting in orbit after debris destroys their space shuttle and must find a way back to Earth."),
        ("Apollo 13", "After an oxygen tank explodes, three astronauts on a crippled spacecraft bound for the Moon fight to return home."),
        ("Moon", "A lone worker finishing a three-year shift mining helium on the far side of the Moon makes a discovery about himself."),
        ("Sunshine", "A crew of astronauts on a spaceship is sent to reignite the dying Sun with a nuclear bomb to save Earth."),
        ("Ad Astra", "An astronaut journeys across the solar system to Neptune to find his lost father and stop power surges threatening Earth."),
        ("Event Horizon", "A rescue crew in deep space boards a starship that vanished years ago beyond Neptune and has returned with something aboard."),
        ("Solaris", "A psychologist is sent to a space station orbiting a strange ocean planet where the crew sees visions of the dead."),
        ("Passengers", "A spacecraft carrying colonists to a distant planet wakes two passengers ninety years too early from hibernation."),
        ("Alien", "The crew of a commercial spaceship answers a distress call from a distant moon and brings a deadly creature aboard."),
    ];

    /// <summary>Titles of other kinds.</summary>
    public static readonly IReadOnlyList<(string Name, string Overview)> Others =
    [
        ("Notting Hill", "A shy London bookshop owner falls in love with a famous American film actress who walks into his shop."),
        ("Pride and Prejudice", "In Georgian England, the spirited Elizabeth Bennet clashes with the proud Mr Darcy over manners and marriage."),
        ("When Harry Met Sally", "Two friends in New York argue for years over whether men and women can ever be just friends, and fall in love."),
        ("Unforgiven", "A retired outlaw and gunslinger takes one last bounty job in a lawless Wyoming frontier town."),
        ("The Good, the Bad and the Ugly", "Three gunmen race across the American West during the Civil War to find buried Confederate gold."),
        ("Heat", "A Los Angeles police detective hunts a crew of professional bank robbers led by a meticulous thief."),
        ("The Godfather", "The aging patriarch of a New York mafia crime family hands control of his empire to his reluctant son."),
        ("Chef", "A chef who loses his restaurant job starts a food truck and drives across the country cooking Cuban sandwiches."),
        ("Julie and Julia", "A New York office worker cooks every recipe in Julia Child's French cookbook and writes a blog about it."),
        ("The Remains of the Day", "A loyal English butler serving a lord in a country house before the war looks back on duty and lost love."),
        ("Amadeus", "The composer Salieri, consumed by envy, recounts his rivalry with the young genius Mozart in Vienna."),
        ("Little Women", "Four sisters grow up in Massachusetts after the Civil War, each following her own dreams of love and art."),
    ];

    /// <summary>
    /// Builds the titles with fresh ids.
    /// </summary>
    /// <returns>Every title, science fiction first.</returns>
    public static List<PickTitle> Build() =>
        SciFi.Concat(Others)
            .Select(t => new PickTitle(Guid.NewGuid(), MediaKind.Movie, t.Name, 2000, [], t.Overview, [], [], null))
            .ToList();

    /// <summary>
    /// Tells whether a title is space science fiction.
    /// </summary>
    /// <param name="name">The title.</param>
    /// <returns>True for science fiction.</returns>
    public static bool IsSciFi(string name) => SciFi.Any(s => s.Name == name);
}
