using Onnx;

namespace Sieve.Models.Export;

/// <summary>The few ONNX protobuf pieces the exporters build graphs from: nodes, initializers and typed graph values.</summary>
internal static class OnnxProtos
{
    /// <summary>A node of the default domain.</summary>
    public static NodeProto Node(string op, string name, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto IntAttribute(string name, long value) => new() { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int };

    /// <summary>A float attribute.</summary>
    public static AttributeProto FloatAttribute(string name, float value) => new() { Name = name, F = value, Type = AttributeProto.Types.AttributeType.Float };

    /// <summary>A float32 initializer.</summary>
    public static TensorProto Tensor(string name, float[] values, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    /// <summary>A float32 scalar initializer.</summary>
    public static TensorProto Scalar(string name, float value) => Tensor(name, [value], []);

    /// <summary>
    /// An integer initializer of element type <paramref name="type"/> (INT8, UINT8, INT16, UINT16 or INT32):
    /// ONNX keeps all of these in <c>int32_data</c>, one value per element.
    /// </summary>
    public static TensorProto IntTensor(string name, TensorProto.Types.DataType type, long[] values, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        foreach (long v in values)
        {
            tensor.Int32Data.Add(checked((int)v));
        }

        return tensor;
    }

    /// <summary>A float tensor (batch, width) with a symbolic batch dimension.</summary>
    public static ValueInfoProto Value(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>A model around <paramref name="graph"/> for one opset of the default domain.</summary>
    public static ModelProto Model(GraphProto graph, int opset, string docString)
    {
        var model = new ModelProto
        {
            IrVersion = opset >= 21 ? 10 : 8,
            ProducerName = "sieve",
            ProducerVersion = typeof(OnnxProtos).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        return model;
    }
}
