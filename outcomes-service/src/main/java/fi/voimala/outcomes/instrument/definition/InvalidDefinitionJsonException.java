package fi.voimala.outcomes.instrument.definition;

/**
 * A definition that could not even be read as JSON of the right shape (a syntax error, an unknown property, a
 * string where a number belongs). It carries one {@link DefinitionProblem} so that an import can answer it the
 * same way as the validator's problems.
 */
public class InvalidDefinitionJsonException extends IllegalArgumentException {

    private final transient DefinitionProblem problem;

    public InvalidDefinitionJsonException(DefinitionProblem problem, Throwable cause) {
        super(problem.field() + ": " + problem.message(), cause);
        this.problem = problem;
    }

    public DefinitionProblem problem() {
        return problem;
    }
}
