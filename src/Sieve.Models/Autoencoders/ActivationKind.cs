namespace Sieve.Models.Autoencoders;

/// <summary>Activation between hidden layers.</summary>
public enum ActivationKind
{
    /// <summary>tanh, as in the HEPAutoencoders jet AE.</summary>
    Tanh,

    /// <summary>Rectified linear unit.</summary>
    Relu,

    /// <summary>Leaky ReLU (slope 0.01).</summary>
    LeakyRelu,

    /// <summary>Exponential linear unit.</summary>
    Elu,

    /// <summary>SiLU / swish.</summary>
    Silu,
}
