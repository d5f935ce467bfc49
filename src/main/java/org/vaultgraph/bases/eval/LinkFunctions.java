package org.vaultgraph.bases.eval;

import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;

/** The functions of links (Functions page, "Link type"): asFile, linksTo. */
final class LinkFunctions {
    private LinkFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("asFile", call -> {
            BaseValue.LinkValue link = (BaseValue.LinkValue) call.target;
            return link.resolved() ? new BaseValue.FileValue(link.target()) : BaseValue.NULL;
        });
        into.put("linksTo", call -> {
            BaseValue.LinkValue link = (BaseValue.LinkValue) call.target;
            if (!link.resolved()) return BaseValue.FALSE;
            FileFacts from = call.evaluator.files().file(link.target());
            return BaseValue.of(from != null && FileFunctions.links(from, call.arg(0), call.evaluator));
        });
    }
}
