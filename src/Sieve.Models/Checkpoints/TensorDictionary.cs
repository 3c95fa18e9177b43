using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Checkpoints;

/// <summary>
/// A module's state (name -> float32 tensor) as bytes and back, exactly: a resumed training must
/// continue from the very bits it stopped at, and a best-epoch snapshot is a dictionary, not a module,
/// so TorchSharp's module files do not fit.
/// </summary>
public static class TensorDictionary
{
    /// <summary>Writes every tensor (moved to the CPU) with its name and shape.</summary>
    public static byte[] ToBytes(IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(tensors.Count);
            foreach ((string name, Tensor tensor) in tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (tensor.dtype != ScalarType.Float32)
                {
                    throw new NotSupportedException($"tensor '{name}' is {tensor.dtype}; checkpoints hold float32 tensors only.");
                }

                using Tensor cpu = tensor.detach().cpu().contiguous();
                writer.Write(name);
                writer.Write(cpu.shape.Length);
                foreach (long d in cpu.shape)
                {
                    writer.Write(d);
                }

                float[] values = cpu.data<float>().ToArray();
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads tensors written by <see cref="ToBytes"/> (on the CPU).</summary>
    public static Dictionary<string, Tensor> FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        int count = reader.ReadInt32();
        var result = new Dictionary<string, Tensor>(count, StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                long[] shape = new long[reader.ReadInt32()];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                long elements = shape.Aggregate(1L, (a, b) => a * b);
                if (elements < 0 || elements * sizeof(float) > reader.BaseStream.Length - reader.BaseStream.Position)
                {
                    throw new InvalidDataException($"tensor '{name}' declares shape [{string.Join(", ", shape)}], more than the checkpoint holds.");
                }

                float[] values = new float[elements];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
                result[name] = torch.tensor(values, shape);
            }
        }
        catch (EndOfStreamException e)
        {
            foreach (Tensor t in result.Values)
            {
                t.Dispose();
            }

            throw new InvalidDataException("the tensors of the checkpoint are truncated.", e);
        }

        return result;
    }
}
