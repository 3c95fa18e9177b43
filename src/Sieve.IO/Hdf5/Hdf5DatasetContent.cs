using Sieve.IO.Arrays;

namespace Sieve.IO.Hdf5;

/// <summary>
/// One dataset for <see cref="Hdf5Writer"/>: where it goes, its values (stored as the array's
/// <see cref="DenseArray.ElementType"/>, Float32 or Float64) and its attributes.
/// </summary>
/// <param name="Path">Absolute dataset path such as "/L1/inputs"; missing groups are created.</param>
/// <param name="Array">Values and shape.</param>
/// <param name="Attributes">
/// Attributes (units, feature names, tool version): values may be string, string[], double,
/// double[], float, long, long[], int or int[]. Null for none.
/// </param>
public sealed record Hdf5DatasetContent(string Path, DenseArray Array, IReadOnlyDictionary<string, object>? Attributes = null);
