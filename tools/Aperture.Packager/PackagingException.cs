using System;

namespace Aperture.Packager;

/// <summary>A release cannot be built; the message says what is wrong and how to fix it.</summary>
public sealed class PackagingException : Exception
{
    public PackagingException()
    {
    }

    public PackagingException(string message)
        : base(message)
    {
    }

    public PackagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
