// FastJet's anti-kt R = 0.4 clustering time on the first event of a FastJet text file, on its
// first 250, 500, 1000 particles and on all of them, for the strategies N2Plain, N2Tiled and Best:
// the same table bench/Sieve.Bench `jets` prints for Sieve (medians of RUNS after one warm-up).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "fastjet/ClusterSequence.hh"

using fastjet::PseudoJet;

static double median_ms(int runs, const std::vector<PseudoJet>& particles, const fastjet::JetDefinition& d, std::size_t& jets) {
  std::vector<double> times;
  for (int r = 0; r <= runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    fastjet::ClusterSequence cs(particles, d);
    jets = cs.inclusive_jets(5.0).size();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (r > 0) times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: fastjet_timing FILE [RUNS]\n"); return 1; }
  int runs = argc > 2 ? std::atoi(argv[2]) : 9;
  std::ifstream in(argv[1]);
  std::vector<PseudoJet> all;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#END", 0) == 0) break;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    double px, py, pz, e;
    if (f >> px >> py >> pz >> e) all.emplace_back(px, py, pz, e);
  }
  fastjet::ClusterSequence::set_fastjet_banner_stream(nullptr);
  std::printf("| particles | FastJet N2Plain ms | FastJet N2Tiled ms | FastJet Best ms | jets |\n|---|---|---|---|---|\n");
  std::vector<std::size_t> sizes = {250, 500, 1000, all.size()};
  for (std::size_t n : sizes) {
    if (n > all.size()) continue;
    std::vector<PseudoJet> p(all.begin(), all.begin() + n);
    std::size_t jets = 0;
    double plain = median_ms(runs, p, fastjet::JetDefinition(fastjet::antikt_algorithm, 0.4, fastjet::E_scheme, fastjet::N2Plain), jets);
    double tiled = median_ms(runs, p, fastjet::JetDefinition(fastjet::antikt_algorithm, 0.4, fastjet::E_scheme, fastjet::N2Tiled), jets);
    double best = median_ms(runs, p, fastjet::JetDefinition(fastjet::antikt_algorithm, 0.4, fastjet::E_scheme, fastjet::Best), jets);
    std::printf("| %zu | %.2f | %.2f | %.2f | %zu |\n", n, plain, tiled, best, jets);
  }
  return 0;
}
