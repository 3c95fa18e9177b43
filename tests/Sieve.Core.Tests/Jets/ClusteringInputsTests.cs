using Sieve.Core.Events;
using Sieve.Core.Jets;

namespace Sieve.Core.Tests.Jets;

public sealed class ClusteringInputsTests
{
    [Fact]
    public void Only_visible_final_state_particles_are_clustered_in_file_order()
    {
        GeneratorParticle[] particles =
        [
            new(2212, 4, 0, 0, 7000, 7000, 0.938), // beam proton
            new(211, 1, 1, 2, 3, 4, 0.14),
            new(12, 1, 5, 0, 0, 5, 0), // neutrino: MET, not a jet constituent
            new(23, 2, 0, 0, 0, 91, 91), // intermediate Z
            new(22, 1, -3, 1, 0, 3.2, 0),
            new(-14, 1, 0, 4, 1, 4.2, 0),
            new(0, 1, 2, 2, 2, 3.5, 0), // FastJet text: no id, final state
        ];
        GeneratorParticle[] visible = ClusteringInputs.Visible(new GeneratorEvent(1, string.Empty, 1, particles));
        Assert.Equal([particles[1], particles[4], particles[6]], visible);
    }
}
