using System.Runtime.CompilerServices;

// The vectorised kernels are internal; their tests check them against the reference formulas.
[assembly: InternalsVisibleTo("Sieve.Models.Tests")]
