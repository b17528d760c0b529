using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Tests.Emulators;

internal static class Json
{
    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return JsonDocument.Parse(text);
        }
    }
}
