import { boundErrorBody, ERROR_BODY_LIMITS } from './bounded-error-body';

describe('boundErrorBody', () => {
  it('keeps a small body as it is', () => {
    const body = { statusCode: 400, message: 'The request is not valid', errors: [{ field: 'age', message: 'bad' }] };
    expect(boundErrorBody(body)).toEqual(body);
  });

  it('keeps the first problems, counts the rest, and cuts long texts', () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({
      field: `f${i}`.padEnd(1000, 'x'),
      message: 'm'.repeat(5000),
    }));
    const bounded = boundErrorBody({ statusCode: 400, message: 'y'.repeat(10_000), errors });
    expect(bounded.errors).toHaveLength(ERROR_BODY_LIMITS.errors);
    expect((bounded as { errorsOmitted?: number }).errorsOmitted).toBe(1000 - ERROR_BODY_LIMITS.errors);
    expect(JSON.stringify(bounded).length).toBeLessThan(16_000);
  });
});
