import type { Credit } from './types';

// Splits an integer amount by weights so the parts add up exactly (largest remainder method).
// Integer weights use exact BigInt arithmetic; fractional weights (time decay) use floats for the
// quotas but the same rule for the remainder. Ties go to the earlier touch, so results are
// deterministic for the same journey.

export function distribute(amount: number, weights: readonly number[]): Credit[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer, got ${amount}`);
  if (weights.length === 0) return [];
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and non-negative');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new RangeError('weights must not all be zero');
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);

  let base: number[];
  let remainderKey: number[];
  if (weights.every(Number.isInteger)) {
    const a = BigInt(abs);
    const t = BigInt(total);
    base = weights.map((w) => Number((a * BigInt(w)) / t));
    remainderKey = weights.map((w) => Number((a * BigInt(w)) % t) / total);
  } else {
    const quotas = weights.map((w) => (abs * w) / total);
    base = quotas.map(Math.floor);
    remainderKey = quotas.map((q, i) => q - base[i]);
  }
  let left = abs - base.reduce((x, y) => x + y, 0);
  const order = weights.map((_, i) => i).sort((i, j) => remainderKey[j] - remainderKey[i] || i - j);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) base[order[k]] += 1;
  return base.map((v, index) => ({ index, amount: sign * v }));
}
