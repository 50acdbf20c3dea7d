package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.Rule;
import dk.tilsyn.engine.rules.RuleScope;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.SystemDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** An effective rule set compiled for evaluation: functions numbered, systems as tables, rules as bitmasks. */
final class CompiledRuleSet {

    final RuleSet ruleSet;
    final FunctionDef[] functions;
    final int words;
    final Map<String, CompiledSystem> systems = new HashMap<>();
    final CompiledRule[] rules;

    CompiledRuleSet(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        functions = ruleSet.functions().toArray(FunctionDef[]::new);
        words = Math.max(1, (functions.length + 63) / 64);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < functions.length; i++) {
            index.put(functions[i].qualifiedId(), i);
        }
        for (SystemDef system : ruleSet.systems()) {
            List<FunctionDef> own = ruleSet.functions().stream().filter(f -> f.system().equals(system.id())).toList();
            systems.put(system.id(), new CompiledSystem(system.id(), system.name(), own, index));
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < ruleSet.rules().size(); i++) {
            ruleIndex.put(ruleSet.rules().get(i).id(), i);
        }
        rules = IntStream.range(0, ruleSet.rules().size())
                .mapToObj(i -> compile(i, ruleSet.rules().get(i), index, ruleIndex)).toArray(CompiledRule[]::new);
    }

    private CompiledRule compile(int i, Rule rule, Map<String, Integer> index, Map<String, Integer> ruleIndex) {
        List<CompiledRule.Variant> variants = new ArrayList<>();
        if (rule.scope() == RuleScope.ANY) {
            variants.add(variant(rule.allOf(), rule.anyOf(), index));
        } else {
            for (SystemDef system : ruleSet.systems()) {
                String prefix = system.id() + ".";
                if (!rule.allOf().stream().allMatch(f -> f.startsWith(prefix))) {
                    continue;
                }
                List<List<String>> groups = rule.anyOf().stream()
                        .map(g -> g.stream().filter(f -> f.startsWith(prefix)).toList()).toList();
                if (groups.stream().noneMatch(List::isEmpty)) {
                    variants.add(variant(rule.allOf(), groups, index));
                }
            }
        }
        int[] supersedes = rule.supersedes().stream().mapToInt(ruleIndex::get).toArray();
        return new CompiledRule(i, rule, variants, supersedes);
    }

    private CompiledRule.Variant variant(List<String> allOf, List<List<String>> anyOf, Map<String, Integer> index) {
        long[] all = bits(allOf, index);
        long[][] groups = anyOf.stream().map(g -> bits(g, index)).toArray(long[][]::new);
        long[] mask = all.clone();
        for (long[] group : groups) {
            Bits.orInto(mask, group, group);
        }
        return new CompiledRule.Variant(all, groups, mask);
    }

    private long[] bits(List<String> functionIds, Map<String, Integer> index) {
        return Bits.of(words, functionIds.stream().mapToInt(index::get).toArray());
    }
}
