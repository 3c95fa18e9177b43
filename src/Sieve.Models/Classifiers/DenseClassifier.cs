using Sieve.Models.Autoencoders;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sieve.Models.Classifiers;

/// <summary>
/// A dense binary classifier: F -> hidden widths (ReLU) -> 1 logit. The logit, not a probability, is the
/// output, so the loss can be the numerically stable BCE-with-logits; <see cref="Probabilities"/> applies the sigmoid.
/// </summary>
public sealed class DenseClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _stack;

    /// <summary>Builds the network; weights are libtorch's default initialisation (seed it first for reproducibility).</summary>
    public DenseClassifier(int inputSize, IReadOnlyList<int> hiddenWidths) : base(nameof(DenseClassifier))
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        if (inputSize < 1 || hiddenWidths.Any(w => w < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenWidths), $"a classifier needs at least one input and positive widths; got {inputSize} -> {string.Join(" -> ", hiddenWidths)}.");
        }

        InputSize = inputSize;
        HiddenWidths = [.. hiddenWidths];
        _stack = DenseLayers.Stack([inputSize, .. hiddenWidths], ActivationKind.Relu, finalActivation: true, outputSize: 1);
        RegisterComponents();
    }

    /// <summary>Features per row.</summary>
    public int InputSize { get; }

    /// <summary>Widths of the hidden layers.</summary>
    public IReadOnlyList<int> HiddenWidths { get; }

    /// <summary>The default shape for F inputs: F -> 64 -> 32 -> 1, wide enough for the 30 HiggsML features and small enough to train in seconds.</summary>
    public static int[] DefaultHiddenWidths => [64, 32];

    /// <summary>Logits (N) of rows (N, F).</summary>
    public override Tensor forward(Tensor input) => _stack.forward(input).squeeze(-1);

    /// <summary>Signal probabilities of row-major (N, F) rows, in evaluation mode and without gradients.</summary>
    public double[] Probabilities(float[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        eval();
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        Tensor x = torch.tensor(rows, [rows.Length / InputSize, InputSize]);
        return [.. torch.sigmoid(forward(x)).to(ScalarType.Float64).data<double>()];
    }
}
