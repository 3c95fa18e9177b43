using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sieve.Pipeline.Benchmarks;

/// <summary>One line that says what a benchmark ran on: processor, cores, vector width.</summary>
public static class MachineDescription
{
    /// <summary>e.g. "AMD EPYC 9B14, 2 cores, AVX-512 (Vector&lt;float&gt; 8 lanes)".</summary>
    public static string Current()
    {
        string vectors = Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "256-bit vectors" : Vector128.IsHardwareAccelerated ? "128-bit vectors" : "no vectors";
        return $"{Processor()}, {Environment.ProcessorCount} cores, {vectors} (Vector<float> {Vector<float>.Count} lanes), .NET {Environment.Version}";
    }

    private static string Processor()
    {
        try
        {
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            return line is null ? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
