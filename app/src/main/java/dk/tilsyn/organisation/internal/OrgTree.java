package dk.tilsyn.organisation.internal;

import dk.tilsyn.organisation.OrgUnit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The org units as a tree, each node with its own number of persons. */
public record OrgTree(List<Node> roots) {

    public record Node(OrgUnit unit, long persons, List<Node> children) {
    }

    static OrgTree of(List<OrgUnit> units, Map<Long, Long> personCounts) {
        Map<Long, Node> nodes = new LinkedHashMap<>();
        units.stream().sorted(Comparator.comparing(OrgUnit::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(u -> nodes.put(u.id(), new Node(u, personCounts.getOrDefault(u.id(), 0L), new ArrayList<>())));
        List<Node> roots = new ArrayList<>();
        for (Node node : nodes.values()) {
            Node parent = node.unit().parentId() == null ? null : nodes.get(node.unit().parentId());
            // A unit whose parent chain loops is shown at the top rather than lost.
            if (parent == null || loops(node, nodes)) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return new OrgTree(roots);
    }

    private static boolean loops(Node start, Map<Long, Node> nodes) {
        Set<Long> seen = new HashSet<>();
        Node current = start;
        while (current != null && current.unit().parentId() != null) {
            if (!seen.add(current.unit().id())) {
                return true;
            }
            current = nodes.get(current.unit().parentId());
        }
        return false;
    }
}
