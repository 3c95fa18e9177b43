// Marks one symbol-version requirement of an ELF shared library as weak.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13, whose <iostream> adds a
// reference to std::ios_base_library_init()@GLIBCXX_3.4.32 only to force a new libstdc++.
// Nothing calls it, but the dynamic loader refuses the library on systems whose libstdc++ stops
// at GLIBCXX_3.4.30 (Debian 12, Ubuntu 22.04, RHEL 9). Setting VER_FLG_WEAK on that one entry
// of .gnu.version_r turns the hard failure into an ignored, unused requirement.
//
// This file is compiled twice: into the MSBuild inline task below (build time) and into the test
// project with SIEVE_ELF_PATCH_NO_TASK defined (the task types are not available there).
// MSBuild compiles inline tasks against netstandard2.0: keep to that API surface.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Sieve.Build
{
    /// <summary>Outcome of <see cref="ElfVersionPatch.MakeRequirementWeak"/>.</summary>
    public enum ElfPatchOutcome
    {
        /// <summary>The file has no requirement of that version: nothing to do.</summary>
        NoSuchRequirement,
        /// <summary>The requirement was already weak: nothing written.</summary>
        AlreadyWeak,
        /// <summary>The requirement was strong and is now weak.</summary>
        Patched,
    }

    /// <summary>Minimal ELF64 little-endian reader/writer for the version-requirement table.</summary>
    public static class ElfVersionPatch
    {
        /// <summary>The libstdc++ symbol version that GCC 13 demands and older systems lack.</summary>
        public const string Glibcxx3432 = "GLIBCXX_3.4.32";

        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>
        /// Sets VER_FLG_WEAK on every vernaux entry named <paramref name="versionName"/>.
        /// Idempotent: a second call reports <see cref="ElfPatchOutcome.AlreadyWeak"/> and writes nothing.
        /// </summary>
        public static ElfPatchOutcome MakeRequirementWeak(string path, string versionName)
        {
            byte[] bytes = File.ReadAllBytes(path);
            List<int> flagOffsets = FindRequirementFlagOffsets(bytes, versionName, path);
            if (flagOffsets.Count == 0)
            {
                return ElfPatchOutcome.NoSuchRequirement;
            }

            bool changed = false;
            foreach (int offset in flagOffsets)
            {
                ushort flags = ReadU16(bytes, offset);
                if ((flags & VerFlagWeak) == 0)
                {
                    WriteU16(bytes, offset, (ushort)(flags | VerFlagWeak));
                    changed = true;
                }
            }

            if (!changed)
            {
                return ElfPatchOutcome.AlreadyWeak;
            }

            // Write beside and rename so that a crash never leaves a half-written library behind.
            string temp = path + ".sieve-tmp";
            File.WriteAllBytes(temp, bytes);
            File.Replace(temp, path, null);
            return ElfPatchOutcome.Patched;
        }

        /// <summary>Whether the requirement exists and is weak (false when absent).</summary>
        public static bool IsRequirementWeak(string path, string versionName)
        {
            byte[] bytes = File.ReadAllBytes(path);
            List<int> offsets = FindRequirementFlagOffsets(bytes, versionName, path);
            if (offsets.Count == 0)
            {
                return false;
            }

            foreach (int offset in offsets)
            {
                if ((ReadU16(bytes, offset) & VerFlagWeak) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the library requires that version at all (weak or strong).</summary>
        public static bool HasRequirement(string path, string versionName) =>
            FindRequirementFlagOffsets(File.ReadAllBytes(path), versionName, path).Count > 0;

        /// <summary>
        /// Whether a libstdc++ (or any library) defines the version: its name appears in the file
        /// as a NUL-terminated string. libstdc++ never requires its own versions, so presence means
        /// definition.
        /// </summary>
        public static bool LibraryMentionsVersion(string libraryPath, string versionName)
        {
            byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
            byte[] hay = File.ReadAllBytes(libraryPath);
            for (int i = 0; i + needle.Length <= hay.Length; i++)
            {
                int k = 0;
                while (k < needle.Length && hay[i + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The libstdc++.so.6 the loader would pick on this machine, or null if none is found.</summary>
        public static string? FindSystemLibStdCxx()
        {
            var dirs = new List<string>();
            string? ldPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            if (!string.IsNullOrEmpty(ldPath))
            {
                dirs.AddRange(ldPath.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries));
            }

            dirs.AddRange(new[]
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            });
            foreach (string dir in dirs)
            {
                string candidate = Path.Combine(dir, "libstdc++.so.6");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static List<int> FindRequirementFlagOffsets(byte[] b, string versionName, string path)
        {
            if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            {
                throw new InvalidDataException($"{path}: not an ELF file (bad magic).");
            }

            if (b[4] != 2 || b[5] != 1)
            {
                throw new InvalidDataException($"{path}: only 64-bit little-endian ELF is supported (class {b[4]}, data {b[5]}).");
            }

            long shoff = (long)ReadU64(b, 0x28);
            int shentsize = ReadU16(b, 0x3A);
            int shnum = ReadU16(b, 0x3C);
            var result = new List<int>();
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + ((long)i * shentsize);
                CheckRange(b, sh, 64, path, "section header");
                if (ReadU32(b, (int)sh + 4) != ShtGnuVerneed)
                {
                    continue;
                }

                long offset = (long)ReadU64(b, (int)sh + 0x18);
                int link = (int)ReadU32(b, (int)sh + 0x28);
                int count = (int)ReadU32(b, (int)sh + 0x2C);
                long strSh = shoff + ((long)link * shentsize);
                CheckRange(b, strSh, 64, path, "string table header");
                long strOffset = (long)ReadU64(b, (int)strSh + 0x18);

                long vn = offset;
                for (int n = 0; n < count; n++)
                {
                    CheckRange(b, vn, 16, path, "Verneed entry");
                    int cnt = ReadU16(b, (int)vn + 2);
                    long aux = vn + ReadU32(b, (int)vn + 8);
                    for (int a = 0; a < cnt; a++)
                    {
                        CheckRange(b, aux, 16, path, "Vernaux entry");
                        long nameOffset = strOffset + ReadU32(b, (int)aux + 8);
                        if (ReadCString(b, nameOffset, path) == versionName)
                        {
                            result.Add((int)aux + 4); // vna_flags follows the 4-byte vna_hash
                        }

                        uint next = ReadU32(b, (int)aux + 12);
                        if (next == 0)
                        {
                            break;
                        }

                        aux += next;
                    }

                    uint vnNext = ReadU32(b, (int)vn + 12);
                    if (vnNext == 0)
                    {
                        break;
                    }

                    vn += vnNext;
                }
            }

            return result;
        }

        private static void CheckRange(byte[] b, long offset, int length, string path, string what)
        {
            if (offset < 0 || offset + length > b.Length)
            {
                throw new InvalidDataException($"{path}: {what} at offset {offset} lies outside the file ({b.Length} bytes).");
            }
        }

        private static string ReadCString(byte[] b, long offset, string path)
        {
            CheckRange(b, offset, 1, path, "string");
            int end = Array.IndexOf(b, (byte)0, (int)offset);
            if (end < 0)
            {
                throw new InvalidDataException($"{path}: unterminated string at offset {offset}.");
            }

            return Encoding.ASCII.GetString(b, (int)offset, end - (int)offset);
        }

        private static ushort ReadU16(byte[] b, int o) => (ushort)(b[o] | (b[o + 1] << 8));

        private static void WriteU16(byte[] b, int o, ushort v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
        }

        private static uint ReadU32(byte[] b, int o) => BitConverter.ToUInt32(b, o);

        private static ulong ReadU64(byte[] b, int o) => BitConverter.ToUInt64(b, o);
    }
}

#if !SIEVE_ELF_PATCH_NO_TASK
namespace Sieve.Build
{
    /// <summary>
    /// MSBuild task: after the build copies TorchSharp's native library to the output, weaken its
    /// GLIBCXX_3.4.32 requirement when (and only when) this machine's libstdc++ lacks that version.
    /// </summary>
    public class PatchTorchSharpNative : Microsoft.Build.Utilities.Task
    {
        /// <summary>Copies of libLibTorchSharp.so in the build output.</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        public override bool Execute()
        {
            string? libstdcxx = ElfVersionPatch.FindSystemLibStdCxx();
            if (libstdcxx == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "Sieve: no libstdc++.so.6 found; TorchSharp native library left as shipped.");
                return true;
            }

            if (ElfVersionPatch.LibraryMentionsVersion(libstdcxx, ElfVersionPatch.Glibcxx3432))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"Sieve: {libstdcxx} provides {ElfVersionPatch.Glibcxx3432}; TorchSharp native library needs no fix.");
                return true;
            }

            foreach (var item in Libraries)
            {
                string path = item.ItemSpec;
                DateTime stamp = File.GetLastWriteTimeUtc(path);
                ElfPatchOutcome outcome = ElfVersionPatch.MakeRequirementWeak(path, ElfVersionPatch.Glibcxx3432);
                if (outcome == ElfPatchOutcome.Patched)
                {
                    // Keep the timestamp so incremental builds do not copy the original over it again.
                    File.SetLastWriteTimeUtc(path, stamp);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"Sieve: {libstdcxx} lacks {ElfVersionPatch.Glibcxx3432}; marked that unused requirement of {path} weak so TorchSharp loads (see docs/torchsharp-loading.md).");
                }
                else
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"Sieve: {path}: {outcome}; nothing written.");
                }
            }

            return true;
        }
    }
}
#endif
