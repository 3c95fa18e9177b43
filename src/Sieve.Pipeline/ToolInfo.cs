using System.Reflection;

namespace Sieve.Pipeline;

/// <summary>Name and version written into every file Sieve makes.</summary>
public static class ToolInfo
{
    /// <summary>e.g. "sieve 0.1.0".</summary>
    public static string Name { get; } = "sieve " + (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}
