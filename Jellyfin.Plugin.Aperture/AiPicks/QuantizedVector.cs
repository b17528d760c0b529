using System;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// A unit vector stored as signed 8-bit values and one scale (value = byte × scale): a 256-dimension embedding
/// takes 256 bytes instead of 1 KB of floats, and cosine similarity survives within about 1%.
/// </summary>
public sealed class QuantizedVector
{
    private readonly sbyte[] _values;

    /// <summary>
    /// Initializes a new instance of the <see cref="QuantizedVector"/> class.
    /// </summary>
    /// <param name="values">The 8-bit values.</param>
    /// <param name="scale">The scale.</param>
    public QuantizedVector(sbyte[] values, float scale)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
        Scale = scale;
    }

    /// <summary>Gets the 8-bit values.</summary>
    public ReadOnlySpan<sbyte> Values => _values;

    /// <summary>Gets the scale.</summary>
    public float Scale { get; }

    /// <summary>Gets the number of dimensions.</summary>
    public int Dimensions => _values.Length;

    /// <summary>
    /// Normalises a vector to unit length and quantises it.
    /// </summary>
    /// <param name="vector">The vector.</param>
    /// <returns>The quantised unit vector (all zeros stays zeros).</returns>
    public static QuantizedVector From(ReadOnlySpan<float> vector)
    {
        double norm = 0;
        var max = 0f;
        foreach (var v in vector)
        {
            norm += (double)v * v;
            max = Math.Max(max, Math.Abs(v));
        }

        var values = new sbyte[vector.Length];
        if (norm == 0 || max == 0)
        {
            return new QuantizedVector(values, 0);
        }

        var length = (float)Math.Sqrt(norm);
        var scale = max / length / 127f;
        for (var i = 0; i < vector.Length; i++)
        {
            values[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / length / scale), -127, 127);
        }

        return new QuantizedVector(values, scale);
    }

    /// <summary>
    /// Reads a stored vector.
    /// </summary>
    /// <param name="bytes">The stored bytes.</param>
    /// <param name="scale">The stored scale.</param>
    /// <returns>The vector.</returns>
    public static QuantizedVector FromBytes(byte[] bytes, float scale)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var values = new sbyte[bytes.Length];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return new QuantizedVector(values, scale);
    }

    /// <summary>
    /// Gets the bytes to store.
    /// </summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        var bytes = new byte[_values.Length];
        Buffer.BlockCopy(_values, 0, bytes, 0, _values.Length);
        return bytes;
    }

    /// <summary>
    /// Gets the cosine similarity with a float vector of unit length (a taste profile).
    /// </summary>
    /// <param name="unit">A unit vector of the same length.</param>
    /// <returns>The similarity, -1 to 1; 0 when the lengths differ.</returns>
    public float Cosine(ReadOnlySpan<float> unit)
    {
        if (unit.Length != _values.Length)
        {
            return 0;
        }

        var sum = 0f;
        for (var i = 0; i < _values.Length; i++)
        {
            sum += _values[i] * unit[i];
        }

        return sum * Scale;
    }

    /// <summary>
    /// Gets the cosine similarity with another stored vector.
    /// </summary>
    /// <param name="other">The other vector.</param>
    /// <returns>The similarity; 0 when the lengths differ.</returns>
    public float Cosine(QuantizedVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimensions != _values.Length)
        {
            return 0;
        }

        var sum = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            sum += _values[i] * other._values[i];
        }

        return sum * Scale * other.Scale;
    }

    /// <summary>
    /// Adds this vector, times a weight, to a sum.
    /// </summary>
    /// <param name="sum">The running sum, of the same length.</param>
    /// <param name="weight">The weight.</param>
    public void AddTo(Span<float> sum, float weight)
    {
        var factor = weight * Scale;
        for (var i = 0; i < _values.Length && i < sum.Length; i++)
        {
            sum[i] += _values[i] * factor;
        }
    }
}
