using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>
/// Reads the API lock: markdown table rows whose Signature column holds a backticked signature (a double-backtick
/// code span is accepted too). The header row names the columns; other lines are ignored.
/// </summary>
internal sealed class ApiLockFile
{
    public ApiLockFile(IEnumerable<ApiLockEntry> entries)
    {
        Entries = entries.ToList();
        BySignature = Entries.GroupBy(e => e.Signature, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ApiLockEntry> Entries { get; }

    public IReadOnlyDictionary<string, ApiLockEntry> BySignature { get; }

    public static ApiLockFile Load(string path) => Parse(File.ReadAllLines(path));

    public static ApiLockFile Parse(IEnumerable<string> lines)
    {
        var entries = new List<ApiLockEntry>();
        string[]? header = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            int Col(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            var sig = Col("Signature");
            if (sig < 0 || sig >= cells.Length || cells[sig].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var signature = Unquote(cells[sig]);
            if (signature.Length == 0)
            {
                continue;
            }

            string Cell(string name) => Col(name) is var i && i >= 0 && i < cells.Length ? cells[i] : string.Empty;
            entries.Add(new ApiLockEntry(signature, Cell("10.11.0"), Cell("10.11.11"), Cell("12.0")));
        }

        return new ApiLockFile(entries);
    }

    private static string Unquote(string cell)
    {
        if (cell.StartsWith("``", StringComparison.Ordinal) && cell.EndsWith("``", StringComparison.Ordinal) && cell.Length >= 4)
        {
            return cell[2..^2].Trim();
        }

        if (cell.StartsWith('`') && cell.EndsWith('`') && cell.Length >= 2)
        {
            return cell[1..^1].Trim();
        }

        return string.Empty;
    }
}
