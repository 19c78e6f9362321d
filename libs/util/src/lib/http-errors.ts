import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';

/** 404 `{what} {id} not found`: also the answer for another location's resource. */
export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`${what} ${id} not found`);
}

/** 422 in the seed's shape: `message` is one line per problem, each naming its field. */
export function unprocessable(problems: string[]): UnprocessableEntityException {
  return new UnprocessableEntityException(problems);
}

export function throwIfProblems(problems: string[]): void {
  if (problems.length) throw unprocessable(problems);
}
