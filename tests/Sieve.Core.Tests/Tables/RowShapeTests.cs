using System.Text.Json;
using Sieve.Core.Layouts;
using Sieve.Core.Serialization;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Tables;

public class RowShapeTests
{
    [Fact]
    public void Layouts_declare_the_shape_of_their_rows()
    {
        var events = SyntheticEvents.Generate(50, 3, signal: false).ToList();

        LaidOutEvents perObject = EventLayouts.ToTable(LayoutKind.PerObject, events);
        Assert.Equal([4], perObject.Shape.Dims);
        Assert.Equal(["feature"], perObject.Shape.Axes);

        // Level-1: 19 slots of (pT, eta, phi), MET in the first.
        LaidOutEvents level1 = EventLayouts.ToTable(LayoutKind.Level1, events);
        Assert.Equal([19, 3], level1.Shape.Dims);
        Assert.Equal(["slot", "feature"], level1.Shape.Axes);
        Assert.True(level1.Shape.Masked);

        LaidOutEvents slots = EventLayouts.ToTable(LayoutKind.FixedSlots, events);
        Assert.Equal(slots.Table.FeatureCount, slots.Shape.Size);
        Assert.Equal(3, slots.Shape.Dims[^1]);
    }

    [Fact]
    public void Slots_of_unequal_width_fall_back_to_a_flat_masked_row()
    {
        RowShape shape = RowShape.OfSlots(2, [0, 0, 1]);
        Assert.Equal([3], shape.Dims);
        Assert.True(shape.Masked);
        Assert.Equal([2, 2], RowShape.OfSlots(2, [0, 0, 1, 1]).Dims);
    }

    [Fact]
    public void A_schema_keeps_its_shape_through_json_and_an_older_one_reads_as_flat()
    {
        var schema = new InputSchema(InputFormat.DarkMachines, [.. Enumerable.Range(0, 57).Select(i => $"f{i}")], EnergyUnit.GeV, LayoutKind.Level1, RowShape.Slots(19, 3));
        InputSchema back = JsonSerializer.Deserialize<InputSchema>(JsonSerializer.Serialize(schema, SieveJson.Options), SieveJson.Options)!;
        Assert.True(back.RowShape.SameAs(RowShape.Slots(19, 3)));
        Assert.Equal(57, back.RowShape.Size);

        // A checkpoint written before shapes were recorded: no "shape" member.
        string old = JsonSerializer.Serialize(schema with { Shape = null }, SieveJson.Options);
        Assert.DoesNotContain("\"shape\"", old, StringComparison.Ordinal);
        InputSchema flat = JsonSerializer.Deserialize<InputSchema>(old, SieveJson.Options)!;
        Assert.True(flat.RowShape.SameAs(RowShape.Features(57)));
    }

    [Fact]
    public void Images_and_sizes()
    {
        RowShape image = RowShape.Image(3, 125, 125);
        Assert.Equal(3 * 125 * 125, image.Size);
        Assert.Equal("(3, 125, 125) channel x eta x phi", image.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => RowShape.Slots(0, 3));
        Assert.False(image.SameAs(RowShape.Features(image.Size)));
    }
}
