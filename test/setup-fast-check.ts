/**
 * Property tests are deterministic: every fast-check property starts from the same seed, so a
 * run on CI tests exactly what it tested before. FAST_CHECK_SEED=<n> explores other inputs.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_201) });
