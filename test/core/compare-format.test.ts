/** How comparison figures are written: signs, decimal commas, exact values, indicator lists with ranges. */
import { compact, decimal, exact, numberList, signed } from '../../src/core/compare-format';
import { rational } from '../../src/core/rational';

describe('comparison figures', () => {
  test('signed changes round half-up from the exact value and show their sign; nothing shows as -0', () => {
    expect(signed(rational(5, 1000), 'en')).toBe('+0.01');
    expect(signed(rational(-5, 1000), 'id')).toBe('-0,01');
    expect(signed(rational(-4, 1000), 'en')).toBe('0.00');
    expect(signed(rational(0), 'en')).toBe('0.00');
    expect(signed(rational(55, 1000), 'en', 3)).toBe('+0.055');
  });

  test('decimals in the user\'s notation; compact drops needless zeros; exact shows up to 6 places and "…" beyond', () => {
    expect(decimal(rational(2594, 1000), 'id')).toBe('2,59');
    expect(compact(rational(3), 'id')).toBe('3');
    expect(compact(rational(5, 2), 'id')).toBe('2,5');
    expect(compact(rational(7, 3), 'en')).toBe('2.33');
    expect(exact(rational(-505, 1000), 'en')).toBe('-0.505');
    expect(exact(rational(425, 10000), 'id')).toBe('0,0425');
    expect(exact(rational(7, 3), 'en')).toBe('2.333333…');
  });

  test('indicator lists: ascending, unique, runs of three or more as ranges', () => {
    expect(numberList([17, 8, 9, 10, 11, 12, 13, 14, 15, 16, 2, 4])).toBe('2, 4, 8–17');
    expect(numberList([5, 18])).toBe('5, 18');
    expect(numberList([39, 40, 41, 1, 2, 2])).toBe('1, 2, 39–41');
    expect(numberList([])).toBe('');
  });
});
