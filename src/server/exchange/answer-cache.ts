/**
 * A small least-recently-used map of answers (promises, so concurrent equal requests share one
 * computation). Keys carry the exchange's revision and the viewer's scope, so an answer is never
 * served after anything it depends on changed: a write anywhere moves the revision, a change of
 * memberships changes the scope.
 */
export class AnswerCache<T> {
  private readonly answers = new Map<string, Promise<T>>();
  constructor(private readonly size: number) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.size <= 0) return compute();
    const hit = this.answers.get(key);
    if (hit) {
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit;
    }
    const answer = compute();
    this.answers.set(key, answer);
    answer.catch(() => this.answers.delete(key));
    while (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
