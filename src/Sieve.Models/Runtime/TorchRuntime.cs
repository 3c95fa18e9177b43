using System.Runtime.InteropServices;
using TorchSharp;

namespace Sieve.Models.Runtime;

/// <summary>
/// Loads libtorch once and turns a failed native load into an error that says what to do.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<string> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Ensures libtorch is loaded; returns a one-line description of the runtime.</summary>
    public static string EnsureLoaded() => Loaded.Value;

    /// <summary>The device to use: "cpu", "cuda", "cuda:1", or "auto" (CUDA when available).</summary>
    public static torch.Device ResolveDevice(string? name)
    {
        EnsureLoaded();
        if (string.IsNullOrEmpty(name) || name.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }

        return torch.device(name);
    }

    private static string Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            using var probe = torch.ones(1);
            return $"TorchSharp {typeof(torch).Assembly.GetName().Version} (libtorch), {torch.get_num_threads()} threads, CUDA {(torch.cuda.is_available() ? "available" : "not available")}";
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException or ExternalException)
        {
            throw new InvalidOperationException(
                "libtorch could not be loaded. On systems whose libstdc++ is older than GCC 13's (Debian 12, Ubuntu 22.04, RHEL 9) " +
                "the build marks TorchSharp's unused GLIBCXX_3.4.32 requirement weak; rebuild with `dotnet build` so that step runs, " +
                "and see docs/torchsharp-loading.md. Original error: " + e.Message, e);
        }
    }
}
