namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Parses magic, version, flags, header and block framing, checking every length against the
/// bytes that are really there. Payloads are located, not decoded.
/// </summary>
internal static class ArchiveLayoutParser
{
    public static ArchiveLayout Parse(byte[] bytes, string file)
    {
        var cursor = new ByteCursor(bytes, 0, bytes.Length - ArchiveFormat.TrailerSize, file);
        ReadOnlySpan<byte> magic = cursor.Take((ulong)ArchiveFormat.Magic.Length, "magic");
        if (!magic.SequenceEqual(ArchiveFormat.Magic))
        {
            throw ArchiveThrow.Format(file, "magic at byte 0", $"is {Convert.ToHexString(magic)}; this is not a .sieve archive",
                Convert.ToHexString(ArchiveFormat.Magic));
        }

        int version = cursor.ReadUInt16("format version");
        if (!ArchiveFormat.SupportedVersions.Contains(version))
        {
            throw ArchiveThrow.Format(file, "format version at byte 8",
                $"is {version}, which this reader does not support (it reads version {string.Join(", ", ArchiveFormat.SupportedVersions)})",
                version > ArchiveFormat.SupportedVersions.Max() ? "a newer sieve that reads this version" : "a supported version");
        }

        ushort flags = cursor.ReadUInt16("flags");
        if (flags != 0)
        {
            throw ArchiveThrow.Format(file, "flags at byte 10", $"are 0x{flags:X4}", $"0x0000 in format version {version}");
        }

        uint headerLength = cursor.ReadUInt32("header length");
        int headerOffset = cursor.Position;
        cursor.Take(headerLength, "header");
        ArchiveHeader header = new HeaderJsonReader(file).Read(bytes.AsMemory(headerOffset, (int)headerLength));
        if (header.FormatVersion != version)
        {
            throw ArchiveThrow.Format(file, "header.format_version", $"is {header.FormatVersion} but the file's version field is {version}", "equal versions");
        }

        if (HeaderRules.FirstProblem(header) is { } problem)
        {
            throw ArchiveThrow.Format(file, problem.Field, problem.Problem, problem.Expected);
        }

        return new ArchiveLayout(header, (int)headerLength, ReadBlocks(cursor, header, file, withModel: true, "block", "the trailer"));
    }

    /// <summary>
    /// Reads the block count and every block's framing up to the cursor's limit, checking kinds,
    /// codecs and declared lengths against <paramref name="header"/> (whose row counts are those of
    /// the blocks: a chunk's in version 5). <paramref name="withModel"/>: the embedded model's block
    /// sits among them (versions 4; version 5 keeps it in the footer).
    /// </summary>
    /// <param name="blockWord">How errors name a block: "block", or "chunk 3, block" in version 5.</param>
    /// <param name="after">What must follow the last block, for the message on unexplained bytes.</param>
    internal static List<BlockLocation> ReadBlocks(ByteCursor cursor, ArchiveHeader header, string file, bool withModel, string blockWord, string after)
    {
        IReadOnlyList<string> names = header.Schema.SideChannelNames;
        // Latents, then corrections and the embedded model when the header declares them, then the side channels.
        List<ArchiveBlockKind> fixedKinds = [ArchiveBlockKind.Latents];
        if (header.Corrections is not null)
        {
            fixedKinds.Add(ArchiveBlockKind.Corrections);
        }

        if (header.ModelEmbedded && withModel)
        {
            fixedKinds.Add(ArchiveBlockKind.Model);
        }

        int fixedBlocks = fixedKinds.Count;
        uint count = cursor.ReadUInt32("block count");
        if (count != fixedBlocks + (long)names.Count)
        {
            throw ArchiveThrow.Format(file, "block count", $"is {count}",
                $"{fixedBlocks + names.Count}: {string.Join(", ", fixedKinds.Select(k => $"one {k.ToString().ToLowerInvariant()} block"))} and one block per header.schema.side_channel_names entry");
        }

        var blocks = new List<BlockLocation>(names.Count + fixedBlocks);
        for (int i = 0; i < count; i++)
        {
            var expectedKind = i < fixedBlocks ? fixedKinds[i] : ArchiveBlockKind.SideChannel;
            string name = expectedKind switch
            {
                ArchiveBlockKind.Latents => "latents",
                ArchiveBlockKind.Corrections => "corrections",
                ArchiveBlockKind.Model => "model",
                _ => names[i - fixedBlocks],
            };
            string field = $"{blockWord} {i} ({(expectedKind == ArchiveBlockKind.SideChannel ? $"side channel '{name}'" : name)})";
            byte kind = cursor.ReadByte(field + " kind");
            if (kind != (byte)expectedKind)
            {
                throw ArchiveThrow.Format(file, field, $"has kind {kind}", $"kind {(byte)expectedKind} ({expectedKind})");
            }

            byte codec = cursor.ReadByte(field + " codec");
            if (!Enum.IsDefined((ArchiveCodec)codec))
            {
                throw ArchiveThrow.Format(file, field, $"has unknown codec {codec}", "0 (raw), 1 (zstd), 2 (entropy) or 3 (integer text)");
            }

            // Entropy-coded ints are latents and corrections only; integer text is for side channels of version 4 on.
            bool side = expectedKind == ArchiveBlockKind.SideChannel;
            bool ints = expectedKind is ArchiveBlockKind.Latents or ArchiveBlockKind.Corrections;
            if ((codec == (byte)ArchiveCodec.Entropy && !ints) || (codec == (byte)ArchiveCodec.IntegerText && (!side || header.FormatVersion < 4))
                || (expectedKind == ArchiveBlockKind.Corrections && codec != (byte)ArchiveCodec.Entropy))
            {
                throw ArchiveThrow.Format(file, field, $"has codec {codec}", "codec 2 for int latents and corrections (always), codec 3 only for side channels of version 4 or later");
            }

            ulong stored = cursor.ReadUInt64(field + " stored length");
            ulong raw = cursor.ReadUInt64(field + " raw length");
            if (raw > long.MaxValue)
            {
                throw ArchiveThrow.Format(file, field, $"declares raw length {raw}", $"at most {long.MaxValue}");
            }

            ulong bytesPerLatent = (ulong)ArchiveFormat.BytesPerLatent(header.Latent.DType);
            if (i == 0 && raw != (ulong)header.Latent.Rows * (ulong)header.Latent.Dims * bytesPerLatent)
            {
                throw ArchiveThrow.Format(file, field, $"declares raw length {raw}",
                    $"{(long)header.Latent.Rows * header.Latent.Dims * (long)bytesPerLatent} = rows {header.Latent.Rows} x dims {header.Latent.Dims} x {bytesPerLatent} bytes");
            }

            if (expectedKind == ArchiveBlockKind.Corrections && raw != (ulong)header.Corrections!.Rows * (ulong)header.Corrections.Dims * 4)
            {
                throw ArchiveThrow.Format(file, field, $"declares raw length {raw}",
                    $"{(long)header.Corrections.Rows * header.Corrections.Dims * 4} = rows {header.Corrections.Rows} x dims {header.Corrections.Dims} x 4 bytes");
            }

            int offset = cursor.Position;
            cursor.Take(stored, field + " payload");
            blocks.Add(new BlockLocation(expectedKind, name, field, (ArchiveCodec)codec, offset, (int)stored, (long)raw));
        }

        if (cursor.Remaining != 0)
        {
            throw ArchiveThrow.Format(file, $"byte {cursor.Position}", $"{cursor.Remaining} unexplained bytes follow the last block", $"{after} right after the last block");
        }

        return blocks;
    }
}
