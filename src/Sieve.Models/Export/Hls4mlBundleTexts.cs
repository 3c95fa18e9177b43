using System.Globalization;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Export;

/// <summary>The two text files of an hls4ml bundle: <c>convert.py</c> and <c>README.md</c>.</summary>
internal static class Hls4mlBundleTexts
{
    /// <summary>
    /// The script a user runs where hls4ml is installed: ONNX front end, the bundle's configuration,
    /// a check that every configured layer exists in the converted model, C simulation of the test
    /// vectors against Sieve's emulation, and optionally synthesis.
    /// </summary>
    public const string ConvertScript = """
        #!/usr/bin/env python3
        # Makes the hls4ml project of this bundle and checks its C simulation against Sieve's
        # fixed-point emulation. Needs hls4ml (with its ONNX front end), onnx and numpy; synthesis
        # (--build) needs Vivado/Vitis HLS as well. See README.md.
        import argparse
        import json
        import os
        import sys

        import numpy as np
        import onnx
        import hls4ml

        here = os.path.dirname(os.path.abspath(__file__))
        parser = argparse.ArgumentParser(description=__doc__ or "Make the hls4ml project of this Sieve bundle.")
        parser.add_argument("--output-dir", default=os.path.join(here, "hls4ml_prj"), help="project directory to write (default: hls4ml_prj beside this script)")
        parser.add_argument("--backend", default="Vitis", help="hls4ml backend (Vitis, Vivado, ...); default Vitis")
        parser.add_argument("--part", default="xcvu13p-flga2577-2-e", help="FPGA part (default: a Virtex UltraScale+ as used at Level-1 triggers)")
        parser.add_argument("--clock-period", type=float, default=5.0, help="clock period in ns (default 5, 200 MHz)")
        parser.add_argument("--build", action="store_true", help="run HLS synthesis after the C simulation check")
        args = parser.parse_args()

        with open(os.path.join(here, "hls4ml_config.json")) as f:
            config = json.load(f)

        # Shapes of every tensor, which the ONNX front end reads from value_info.
        model = onnx.shape_inference.infer_shapes(onnx.load(os.path.join(here, "model.onnx")))
        hls_model = hls4ml.converters.convert_from_onnx_model(
            model, output_dir=args.output_dir, backend=args.backend, part=args.part,
            clock_period=args.clock_period, io_type="io_parallel", hls_config=config)

        # A configured name hls4ml does not know would silently fall back to the model-wide default type.
        names = {layer.name for layer in hls_model.get_layers()}
        unknown = [name for name in config["LayerName"] if name not in names]
        if unknown:
            sys.exit("hls4ml's model has no layers named %s (it has %s): the per-layer types would not apply."
                     % (", ".join(unknown), ", ".join(sorted(names))))

        hls_model.compile()
        x = np.ascontiguousarray(np.loadtxt(os.path.join(here, "tb_input_features.dat"), ndmin=2), dtype=np.float32)
        outputs = hls_model.predict(x)
        if not isinstance(outputs, (list, tuple)):
            outputs = [outputs]
        ok = True
        for name, got in zip(["latent", "reconstruction"], outputs):
            expected = np.loadtxt(os.path.join(here, "tb_output_%s.dat" % name), ndmin=2)
            got = np.asarray(got, dtype=np.float64).reshape(expected.shape)
            worst = float(np.max(np.abs(got - expected)))
            same = int(np.sum(np.all(got == expected, axis=1)))
            print("%s: %d of %d rows bit for bit as Sieve's emulation, largest difference %.3g" % (name, same, len(expected), worst))
            ok = ok and worst == 0.0
        if not ok:
            print("differences: see 'What may differ' in README.md")

        if args.build:
            hls_model.build(csim=False, synth=True)
            hls4ml.report.read_vivado_report(args.output_dir)
        """;

    /// <summary>The bundle's README: what each file is and the steps to firmware.</summary>
    public static string Readme(string modelName, FixedPointAutoencoder model, ApFixedFormat modelPrecision, int reuseFactor, bool typesStored)
    {
        string shape = string.Join(" -> ", new[] { model.InputSize }.Concat(model.Encoder.Layers.Select(l => l.OutputSize)).Concat(model.Decoder.Layers.Select(l => l.OutputSize)));
        string types = typesStored
            ? "the fixed-point types stored with the model by `sieve quantize-model`"
            : $"hls4ml's default type {modelPrecision} everywhere (the model has no fixed-point types; make them with `sieve quantize-model` and export again)";
        return string.Create(CultureInfo.InvariantCulture, $"""
            # hls4ml bundle of `{modelName}`

            Dense autoencoder {shape}, written by `sieve export --hls4ml`, with {types};
            ReuseFactor {reuseFactor}, Strategy Latency.

            | file | what |
            |---|---|
            | `model.onnx` | the float model (opset 17, Gemm and activation nodes named as hls4ml's layers); input `features` = normalised features (see the model's `model.json`), outputs `latent` and `reconstruction` |
            | `hls4ml_config.json` | hls4ml's configuration: `Model` (default Precision, ReuseFactor, Strategy) and `LayerName` with every layer's types (Dense: weight, bias, accum, result; activations: result, table, table_size) |
            | `tb_input_features.dat` | {Hls4mlBundle.TestRows} normalised input rows (on the input type's grid) |
            | `tb_output_latent.dat`, `tb_output_reconstruction.dat` | Sieve's bit-exact fixed-point emulation of those rows |
            | `convert.py` | makes the hls4ml project, checks its C simulation against the files above, optionally synthesises |

            ## Steps

            ```sh
            pip install hls4ml onnx numpy          # hls4ml with its ONNX front end
            python3 convert.py                     # project in hls4ml_prj/, C simulation compared with Sieve's emulation
            python3 convert.py --build             # also HLS synthesis (needs Vitis/Vivado HLS); --part, --clock-period, --backend
            ```

            The normaliser is not part of the firmware: the trigger must feed normalised features as
            `model.json` says. What hls4ml computes identically to Sieve's emulation and what may differ
            (rounding modes, lookup tables, SiLU, a VAE's log-variance head) is in Sieve's docs/hls4ml.md.
            """);
    }
}
