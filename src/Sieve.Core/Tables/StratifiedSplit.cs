namespace Sieve.Core.Tables;

/// <summary>
/// A seeded train / validation / test split of labelled rows, made per class so each part holds the
/// classes in the proportions of the whole (stratified). Made once, before anything is fitted: the
/// normaliser and missing-value fills see the training rows only, the test rows only the report.
/// </summary>
/// <param name="Train">Training row indices (ascending).</param>
/// <param name="Validation">Validation row indices, for early stopping and the working point (ascending).</param>
/// <param name="Test">Held-out row indices, for the report only (ascending).</param>
public sealed record StratifiedSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>
    /// Splits the rows of <paramref name="labels"/> (one class label per row): each class is shuffled with
    /// <paramref name="seed"/> and cut into round(n x fraction) validation and test rows, the rest training.
    /// </summary>
    /// <exception cref="ArgumentException">The fractions are outside [0, 1) or leave a class without training rows.</exception>
    public static StratifiedSplit Create(IReadOnlyList<int> labels, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (validationFraction is < 0 or >= 1 || testFraction is < 0 or >= 1 || validationFraction + testFraction >= 1)
        {
            throw new ArgumentException($"validation fraction {validationFraction} and test fraction {testFraction} must each lie in [0, 1) and leave rows to train on (sum below 1).");
        }

        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        var random = new Random(seed);
        foreach (int label in labels.Distinct().Order())
        {
            int[] rows = [.. Enumerable.Range(0, labels.Count).Where(i => labels[i] == label)];
            random.Shuffle(rows);
            int nTest = (int)Math.Round(rows.Length * testFraction);
            int nValidation = (int)Math.Round(rows.Length * validationFraction);
            if (rows.Length - nTest - nValidation < 1)
            {
                throw new ArgumentException($"class {label} has {rows.Length} rows: nothing is left to train on with validation fraction {validationFraction} and test fraction {testFraction}.");
            }

            test.AddRange(rows[..nTest]);
            validation.AddRange(rows[nTest..(nTest + nValidation)]);
            train.AddRange(rows[(nTest + nValidation)..]);
        }

        return new StratifiedSplit([.. train.Order()], [.. validation.Order()], [.. test.Order()]);
    }
}
