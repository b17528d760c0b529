using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Title embeddings in Aperture's database, per model: 8-bit vectors with their scale and the hash of the text they
/// were made from, plus which model's set picks read (the complete one, while a newly chosen model fills in).
/// </summary>
public sealed class EmbeddingStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="EmbeddingStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public EmbeddingStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Gets the model whose vectors picks read, or null before any set was complete.
    /// </summary>
    /// <returns>The model.</returns>
    public string? ActiveModel()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT active_model FROM ai_embedding_model WHERE id = 1";
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// Makes a model's set the one picks read.
    /// </summary>
    /// <param name="model">The model.</param>
    public void SetActiveModel(string model)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ai_embedding_model (id, active_model) VALUES (1, $model) ON CONFLICT (id) DO UPDATE SET active_model = excluded.active_model";
        command.Parameters.AddWithValue("$model", model);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Gets the text hash of every title embedded with a model.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>Hash by item id.</returns>
    public Dictionary<Guid, string> Hashes(string model)
    {
        var hashes = new Dictionary<Guid, string>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, text_hash FROM ai_embeddings WHERE model = $model";
        command.Parameters.AddWithValue("$model", model);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return hashes;
    }

    /// <summary>
    /// Saves one batch of vectors in one transaction, so a stopped run keeps every finished batch.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="vectors">Item id, text hash and vector.</param>
    public void Save(string model, IReadOnlyList<(Guid ItemId, string Hash, QuantizedVector Vector)> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (itemId, hash, vector) in vectors)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ai_embeddings (item_id, model, text_hash, scale, vector) VALUES ($item, $model, $hash, $scale, $vector)
                ON CONFLICT (model, item_id) DO UPDATE SET text_hash = excluded.text_hash, scale = excluded.scale, vector = excluded.vector
                """;
            command.Parameters.AddWithValue("$item", itemId.ToString("N", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$model", model);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$scale", vector.Scale);
            command.Parameters.AddWithValue("$vector", vector.ToBytes());
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Removes a model's vectors of titles that left the library.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="itemIds">The titles gone.</param>
    public void Remove(string model, IReadOnlyCollection<Guid> itemIds)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var itemId in itemIds)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM ai_embeddings WHERE model = $model AND item_id = $item";
            command.Parameters.AddWithValue("$model", model);
            command.Parameters.AddWithValue("$item", itemId.ToString("N", CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Loads every vector of a model.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>Vector by item id.</returns>
    public Dictionary<Guid, QuantizedVector> Load(string model)
    {
        var vectors = new Dictionary<Guid, QuantizedVector>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, scale, vector FROM ai_embeddings WHERE model = $model";
        command.Parameters.AddWithValue("$model", model);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            vectors[Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture)] = QuantizedVector.FromBytes((byte[])reader.GetValue(2), reader.GetFloat(1));
        }

        return vectors;
    }

    /// <summary>
    /// Removes every model's vectors except the two in use, once a switch is complete.
    /// </summary>
    /// <param name="keep">The models to keep.</param>
    public void RemoveOtherModels(IReadOnlyCollection<string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        var names = new List<string>();
        var i = 0;
        foreach (var model in keep)
        {
            var name = "$m" + i++.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, model);
        }

#pragma warning disable CA2100 // Only generated parameter names are put in the text.
        command.CommandText = names.Count == 0 ? "DELETE FROM ai_embeddings" : "DELETE FROM ai_embeddings WHERE model NOT IN (" + string.Join(", ", names) + ")";
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
