namespace Sieve.Core.Events;

/// <summary>
/// One collision event: identifiers, weight, missing transverse energy and its objects.
/// Energies in GeV. Objects keep the order of the source file.
/// </summary>
/// <param name="Id">Event identifier from the source (kept verbatim, lossless).</param>
/// <param name="ProcessId">Process identifier (e.g. the DarkMachines process name).</param>
/// <param name="Weight">Event weight.</param>
/// <param name="Met">Missing transverse energy (GeV).</param>
/// <param name="MetPhi">Azimuth of the missing transverse energy, in (-pi, pi].</param>
/// <param name="Objects">Reconstructed objects.</param>
public sealed record Event(string Id, string ProcessId, double Weight, double Met, double MetPhi, IReadOnlyList<PhysicsObject> Objects)
{
    /// <summary>HT: scalar sum of the pT of jets and b-jets (GeV).</summary>
    public double Ht
    {
        get
        {
            double ht = 0;
            foreach (PhysicsObject o in Objects)
            {
                if (o.Kind.IsJet())
                {
                    ht += o.Pt;
                }
            }

            return ht;
        }
    }

    /// <summary>Number of objects of one kind.</summary>
    public int Count(ObjectKind kind)
    {
        int n = 0;
        foreach (PhysicsObject o in Objects)
        {
            if (o.Kind == kind)
            {
                n++;
            }
        }

        return n;
    }
}
