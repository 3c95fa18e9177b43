namespace Sieve.IO;

/// <summary>
/// Builds a directory in a temporary folder beside its target and moves it into place on success,
/// so a failure half way never leaves a directory at the target that looks complete (the directory
/// counterpart of <see cref="AtomicFile"/>). The target may be absent or an empty directory.
/// </summary>
public static class AtomicDirectory
{
    /// <summary>Runs <paramref name="fill"/> on the temporary folder, then replaces <paramref name="target"/> with it.</summary>
    public static void Write(string target, Action<string> fill)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(fill);
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string temporary = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(temporary);
        try
        {
            fill(temporary);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);   // not recursive: only an empty directory is replaced
            }

            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }
}
