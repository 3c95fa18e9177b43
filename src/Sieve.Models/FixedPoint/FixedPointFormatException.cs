namespace Sieve.Models.FixedPoint;

/// <summary>Text that is not an <c>ap_fixed</c> / <c>ap_ufixed</c> type, or a format Sieve cannot emulate.</summary>
public sealed class FixedPointFormatException : ArgumentException
{
    /// <summary>Creates the exception with a message that says what was expected.</summary>
    public FixedPointFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public FixedPointFormatException()
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public FixedPointFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
