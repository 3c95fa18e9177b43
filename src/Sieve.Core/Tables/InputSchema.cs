namespace Sieve.Core.Tables;

/// <summary>
/// What a model was trained on: the format, the feature columns in order and their energy unit.
/// Stored in checkpoints and archives so that inputs can be checked against the model.
/// </summary>
/// <param name="Format">Input file format.</param>
/// <param name="FeatureNames">Feature columns, in the model's order.</param>
/// <param name="EnergyUnit">Unit of energy-like features in the input.</param>
/// <param name="Layout">How events became rows (event formats only).</param>
/// <param name="Shape">The declared shape of one row; null in checkpoints written before shapes were recorded (read as flat <c>(F)</c>).</param>
public sealed record InputSchema(InputFormat Format, IReadOnlyList<string> FeatureNames, EnergyUnit EnergyUnit, Layouts.LayoutKind Layout = Layouts.LayoutKind.PerObject,
    RowShape? Shape = null)
{
    /// <summary>The row shape, flat <c>(F)</c> when none was recorded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public RowShape RowShape => Shape ?? RowShape.Features(Math.Max(1, FeatureNames.Count));
}
