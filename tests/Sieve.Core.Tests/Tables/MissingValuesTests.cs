using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Tables;

public class MissingValuesTests
{
    private static FeatureTable Small() => new(["a", "b"], [1.5, -999.0, -999.0, 4.0, 3.5, 8.0], 3, [new SideChannel("id", ["x", "y", "z"])], ["id", "a", "b"]);

    [Fact]
    public void Zero_fill_masks_the_markers_and_restores_them()
    {
        FeatureTable t = Small();
        MissingValueSplit split = MissingValues.Split(t);
        Assert.Equal([1, 0, 0, 1, 1, 1], split.Mask);
        Assert.Equal([1.5, 0, 0, 4.0, 3.5, 8.0], split.Table.Values);
        Assert.Equal(2, split.MissingCount);
        Assert.Same(t.SideChannels, split.Table.SideChannels);
        Assert.Equal(t.Values, MissingValues.Restore(split).Values);
    }

    [Fact]
    public void Training_mean_fill_uses_only_the_given_rows()
    {
        FeatureTable t = Small();
        MissingValueSplit split = MissingValues.Split(t, fill: MissingValueFill.TrainingMean, trainingRows: [0, 1]);

        // Column a: present in rows 0 (1.5) of the training rows; column b: present in row 1 (4.0) only.
        Assert.Equal([1.5, 4.0], split.FillValues);
        Assert.Equal([1.5, 4.0, 1.5, 4.0, 3.5, 8.0], split.Table.Values);
        Assert.Equal(t.Values, MissingValues.Restore(split).Values);
    }

    [Fact]
    public void Restore_puts_the_marker_into_a_reconstruction_where_the_mask_is_zero()
    {
        MissingValueSplit split = MissingValues.Split(Small());
        FeatureTable reco = split.Table.WithValues([1.4, 0.3, -0.2, 4.1, 3.6, 7.9]);
        Assert.Equal([1.4, -999.0, -999.0, 4.1, 3.6, 7.9], MissingValues.Restore(reco, split.Mask).Values);
        Assert.Throws<ArgumentException>(() => MissingValues.Restore(reco, new double[5]));
    }

    [Fact]
    public void NaN_marker_marks_NaN_cells()
    {
        var t = new FeatureTable(["a"], [double.NaN, 2.0], 2, [], ["a"]);
        MissingValueSplit split = MissingValues.Split(t, double.NaN);
        Assert.Equal([0, 1], split.Mask);
        Assert.Equal([0, 2.0], split.Table.Values);
        Assert.True(double.IsNaN(MissingValues.Restore(split).Values[0]));
    }

    [SkippableTheory]
    [InlineData(MissingValueFill.Zero)]
    [InlineData(MissingValueFill.TrainingMean)]
    public void Round_trip_on_real_HiggsML_reproduces_every_value(MissingValueFill fill)
    {
        FeatureTable t = CsvTableReader.Read(SharedData.Require("higgsml/bg.csv"));
        DataSplit rows = DataSplit.Create(t.RowCount, 0.2, seed: 5);
        MissingValueSplit split = MissingValues.Split(t, MissingValues.HiggsMlMarker, fill, rows.Train);

        long markers = t.Values.LongCount(v => v == -999.0);
        Assert.True(markers > 0, "HiggsML background should contain -999.0 markers");
        Assert.Equal(markers, split.MissingCount);
        Assert.DoesNotContain(-999.0, split.Table.Values);
        FeatureTable back = MissingValues.Restore(split);
        Assert.Equal(t.Values.Select(BitConverter.DoubleToInt64Bits), back.Values.Select(BitConverter.DoubleToInt64Bits));
    }
}
