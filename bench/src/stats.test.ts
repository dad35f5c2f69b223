import { describe, expect, it } from 'vitest'
import { formatBytes, formatNumber, formatTable, median, meetsGoal, percentile, ratio } from './stats'

describe('median', () => {
  it('takes the middle value of an odd count, in any order', () => {
    expect(median([3, 1, 2])).toBe(2)
  })
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it('is undefined for no values and ignores non-finite ones', () => {
    expect(median([])).toBeUndefined()
    expect(median([Number.NaN, 5])).toBe(5)
  })
  it('does not reorder its input', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('percentile', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
  it('returns the extremes at 0 and 100', () => {
    expect(percentile(values, 0)).toBe(10)
    expect(percentile(values, 100)).toBe(100)
  })
  it('interpolates between closest ranks', () => {
    expect(percentile(values, 50)).toBe(55)
    expect(percentile(values, 99)).toBeCloseTo(99.1)
  })
  it('rejects p outside 0..100', () => {
    expect(() => percentile(values, 101)).toThrow(RangeError)
  })
})

describe('ratio', () => {
  it('divides by the floor', () => {
    expect(ratio(74, 100)).toBe(0.74)
  })
  it('is undefined when a side is missing or the floor is not positive', () => {
    expect(ratio(undefined, 100)).toBeUndefined()
    expect(ratio(5, undefined)).toBeUndefined()
    expect(ratio(5, 0)).toBeUndefined()
  })
})

describe('meetsGoal', () => {
  it('reads the goal in the direction of the metric', () => {
    expect(meetsGoal(0.96, 0.95, 'higher')).toBe(true)
    expect(meetsGoal(0.9, 0.95, 'higher')).toBe(false)
    expect(meetsGoal(1.04, 1.05, 'lower')).toBe(true)
    expect(meetsGoal(1.2, 1.05, 'lower')).toBe(false)
    expect(meetsGoal(undefined, 1, 'lower')).toBeUndefined()
  })
})

describe('formatting', () => {
  it('formats numbers and bytes', () => {
    expect(formatNumber(12345.678)).toBe('12,346')
    expect(formatNumber(1.5, 1)).toBe('1.5')
    expect(formatNumber(undefined)).toBe('–')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(2048)).toBe('2.0 KiB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB')
  })

  it('pads a Markdown table, text left and numbers right', () => {
    expect(
      formatTable(
        ['variant', 'req/s'],
        [
          ['floor', '1,000'],
          ['vike-photon + Hono', '950'],
        ],
      ),
    ).toMatchInlineSnapshot(`
      "| variant            | req/s |
      |:-------------------|------:|
      | floor              | 1,000 |
      | vike-photon + Hono |   950 |"
    `)
  })

  it('refuses rows with the wrong number of cells', () => {
    expect(() => formatTable(['a', 'b'], [['1']])).toThrow(/expected 2 cells/)
  })
})
