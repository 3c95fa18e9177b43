namespace Sieve.IO.Arrays;

/// <summary>
/// An n-dimensional array read from or written to an array file: values widened to double in
/// C (row-major) order, the shape, and the element type the file stored (or is to store).
/// </summary>
public sealed class DenseArray
{
    /// <summary>Creates an array; checks that the shape's product equals the number of values.</summary>
    public DenseArray(double[] values, IReadOnlyList<int> shape, ArrayElementType elementType = ArrayElementType.Float64)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"values has {values.Length} entries; shape ({string.Join(", ", shape)}) needs {count}.", nameof(values));
        }

        Values = values;
        Shape = shape.ToArray();
        ElementType = elementType;
    }

    /// <summary>Values in C order: the last index varies fastest.</summary>
    public double[] Values { get; }

    /// <summary>Length of each dimension; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Count;

    /// <summary>The element type in the file.</summary>
    public ArrayElementType ElementType { get; }

    /// <summary>The shape as Python writes it, e.g. "(5, 19, 3)"; used in error messages.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Formats a shape as Python does: "()", "(3,)", "(5, 19, 3)".</summary>
    public static string FormatShape(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
    }

    /// <summary>Formats a shape as Python does: "()", "(3,)", "(5, 19, 3)".</summary>
    public static string FormatShape(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return FormatShape(shape.Select(d => (long)d).ToArray());
    }
}
