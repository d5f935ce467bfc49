package org.vaultgraph.bases.eval;

import org.vaultgraph.bases.value.BaseValue;

/** The body of one function of the Functions page. */
@FunctionalInterface
interface Method {
    BaseValue apply(Call call);
}
