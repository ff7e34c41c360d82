package org.fedoraproject.packages.worker.connector;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Fan-out of upstream calls (one per sub-package, branch, …): at most {@code concurrency} in flight
 * from one fetch, results in the order of the inputs, so that documents do not depend on which answer
 * came first. The upstream's bulkhead still caps the calls of all fetches together.
 */
public final class Parallel {
    private Parallel() {
    }

    public static <I, O> Uni<List<O>> inOrder(List<I> inputs, int concurrency, Function<I, Uni<O>> call) {
        if (inputs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().range(0, inputs.size())
                .onItem().transformToUni(i -> call.apply(inputs.get(i)).map(o -> new Indexed<>(i, o)))
                .merge(Math.max(1, concurrency))
                .collect().asList()
                .map(answers -> {
                    Object[] ordered = new Object[inputs.size()];
                    answers.forEach(a -> ordered[a.index()] = a.value());
                    @SuppressWarnings("unchecked")
                    List<O> list = (List<O>) new ArrayList<>(Arrays.asList(ordered));
                    return list;
                });
    }

    private record Indexed<O>(int index, O value) {
    }
}
