namespace Sieve.Compression.Archive.Internal;

/// <summary>Text forms of enums in the header.</summary>
internal static class HeaderNames
{
    public const string Float32 = "float32";

    public const string Float16 = "float16";

    public const string Int32 = "int32";

    public const string Uniform = "uniform";

    public const string Trellis = "trellis";

    public static string Quantisation(LatentQuantisation quantisation) => quantisation switch
    {
        LatentQuantisation.Uniform => Uniform,
        LatentQuantisation.Trellis => Trellis,
        _ => throw new ArgumentOutOfRangeException(nameof(quantisation), quantisation, "Unknown latent quantisation."),
    };

    public static string DType(LatentDType dtype) => dtype switch
    {
        LatentDType.Float32 => Float32,
        LatentDType.Float16 => Float16,
        LatentDType.Int32 => Int32,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown latent dtype."),
    };
}
