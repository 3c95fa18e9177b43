using Sieve.Core.Events;

namespace Sieve.Core.Selection;

/// <summary>
/// The DarkMachines channel cuts (DOMAIN.md, arXiv:2105.14027), energies in GeV. Cuts written
/// with ">=" are inclusive; the object pT thresholds ("pT > 15", "pT > 50", "pT > 200") are strict,
/// as written in the paper. HT is the scalar pT sum of every jet and b-jet of the event
/// (<see cref="Event.Ht"/>), not only of the jets that pass a pT threshold.
/// </summary>
public static class ChannelSelection
{
    /// <summary>Leptons (e and mu of either charge) count when pT is above this (GeV, strict).</summary>
    public const double LeptonPtMin = 15.0;

    /// <summary>ch1: jets counted for the multiplicity cut have pT above this (GeV, strict).</summary>
    public const double Ch1JetPtMin = 50.0;

    /// <summary>ch1: at least one jet must have pT above this (GeV, strict).</summary>
    public const double Ch1LeadingJetPtMin = 200.0;

    /// <summary>True when the event passes the cuts of <paramref name="channel"/>.</summary>
    public static bool Passes(Event e, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(e);
        return channel switch
        {
            Channel.Ch1 => PassesCh1(e),
            Channel.Ch2a => e.Met >= 50 && CountLeptons(e) >= 3,
            Channel.Ch2b => e.Met >= 50 && e.Ht >= 50 && CountLeptons(e) >= 2,
            Channel.Ch3 => e.Ht >= 600 && e.Met >= 100,
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
        };
    }

    /// <summary>The events that pass <paramref name="channel"/>, lazily and in input order.</summary>
    public static IEnumerable<Event> Filter(IEnumerable<Event> events, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(events);
        _ = channel.Code(); // reject an undefined value now, not at the first MoveNext
        return events.Where(e => Passes(e, channel));
    }

    /// <summary>Number of electrons and muons (either charge) with pT above <see cref="LeptonPtMin"/>.</summary>
    public static int CountLeptons(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        int n = 0;
        foreach (PhysicsObject o in e.Objects)
        {
            if (o.Kind.IsLepton() && o.Pt > LeptonPtMin)
            {
                n++;
            }
        }

        return n;
    }

    private static bool PassesCh1(Event e)
    {
        double ht = e.Ht;

        // HT >= 600 comes first, so the MET/HT ratio never divides by zero.
        if (ht < 600 || e.Met < 200 || e.Met / ht < 0.2)
        {
            return false;
        }

        int hardJets = 0;
        bool leading = false;
        foreach (PhysicsObject o in e.Objects)
        {
            if (o.Kind.IsJet())
            {
                hardJets += o.Pt > Ch1JetPtMin ? 1 : 0;
                leading |= o.Pt > Ch1LeadingJetPtMin;
            }
        }

        return hardJets >= 4 && leading;
    }
}
