using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Ai;

/// <summary>
/// The models a provider offers, read from either <c>GET models</c> (OpenAI-compatible) or Ollama's native
/// <c>GET api/tags</c>.
/// </summary>
internal sealed class AiModelList
{
    private readonly string[] _ids;

    private AiModelList(IEnumerable<string> ids)
    {
        _ids = ids.ToArray();
    }

    /// <summary>Gets how many models the provider lists.</summary>
    public int Count => _ids.Length;

    /// <summary>
    /// Reads an OpenAI-compatible model list: <c>{"data":[{"id":…}]}</c>.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The list, or null when the body has another shape.</returns>
    public static AiModelList? FromOpenAi(string body) => Read(body, "data", "id");

    /// <summary>
    /// Reads Ollama's native model list: <c>{"models":[{"name":…}]}</c>.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The list, or null when the body has another shape.</returns>
    public static AiModelList? FromOllama(string body) => Read(body, "models", "name");

    /// <summary>
    /// Tells whether a configured model is offered. Ollama lists "llama3:latest" for a model configured as
    /// "llama3", so an untagged name matches its ":latest" tag.
    /// </summary>
    /// <param name="model">The configured model.</param>
    /// <returns>True when offered.</returns>
    public bool Contains(string model) => _ids.Any(id =>
        id.Equals(model, StringComparison.OrdinalIgnoreCase)
        || id.Equals(model + ":latest", StringComparison.OrdinalIgnoreCase)
        || model.Equals(id + ":latest", StringComparison.OrdinalIgnoreCase));

    private static AiModelList? Read(string body, string listName, string idName)
    {
        if (JsonBody.TryParseObject(body) is not { } root
            || !root.TryGetProperty(listName, out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return new AiModelList(list.EnumerateArray().Select(m => m.GetText(idName)).OfType<string>());
    }
}
