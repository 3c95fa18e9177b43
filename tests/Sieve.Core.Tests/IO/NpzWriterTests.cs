using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

public sealed class NpzWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WritesSeveralArraysThatReadBack(bool compress)
    {
        using var folder = new TempFolder();
        string path = folder.File("a.npz");
        var inputs = new DenseArray(Enumerable.Range(0, 285).Select(i => i / 8.0).ToArray(), [5, 19, 3], ArrayElementType.Float32);
        var weights = new DenseArray([1, 0.5, 0.25], [3]);
        NpzWriter.Write(path, new Dictionary<string, DenseArray> { ["inputs"] = inputs, ["weights"] = weights }, compress: compress);
        Assert.Equal(["inputs", "weights"], NpzReader.List(path));
        DenseArray back = NpzReader.Read(path, "inputs");
        Assert.Equal(ArrayElementType.Float32, back.ElementType);
        Assert.Equal(inputs.Values, back.Values);
        Assert.Equal(weights.Values, NpzReader.Read(path, "weights").Values);
    }
}
