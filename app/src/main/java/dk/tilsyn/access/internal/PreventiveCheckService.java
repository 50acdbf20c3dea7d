package dk.tilsyn.access.internal;

import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.pipeline.WhatIfIndex;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "What findings would granting this entitlement create?" — answered from the newest finished run of the caller's
 * institution, exactly as the analysis would see the grant: on the person's account in the system (or a new one),
 * with every other access the person holds across systems.
 *
 * <p>A person the run's HR snapshot does not know is refused (404) rather than checked as a person without access:
 * a mistyped id would otherwise get a reassuring empty answer.
 */
@Service
class PreventiveCheckService {

    /** The account name a grant is evaluated on when the person has no account in the system yet. */
    static final String NEW_ACCOUNT = "(ny konto)";

    private final PreventiveCheckSnapshots snapshots;
    private final MessageSource messages;

    PreventiveCheckService(PreventiveCheckSnapshots snapshots, MessageSource messages) {
        this.snapshots = snapshots;
        this.messages = messages;
    }

    PreventiveCheckAnswer check(PreventiveCheckRequest request, Locale locale) {
        PreventiveCheckSnapshots.Snapshot snapshot = snapshots.latest()
                .orElseThrow(() -> new ApiFailure(HttpStatus.CONFLICT, null, "api.check.noRun"));
        WhatIfIndex index = snapshot.index();
        Subject subject = index.person(request.person())
                .orElseThrow(() -> new ApiFailure(HttpStatus.NOT_FOUND, "person", "api.check.unknownPerson",
                        request.person(), Long.toString(snapshot.run().id())));
        String account = request.givenAccount().orElseGet(() -> accountFor(index, subject, request));
        boolean newAccount = index.accountsIn(subject, request.system()).stream().noneMatch(account::equals);
        List<Finding> added = index.whatIf(subject, new ProposedAssignment(request.system(), account,
                request.entitlement(), request.entitlementType(), request.amount()));
        return new PreventiveCheckAnswer(PreventiveCheckAnswer.Snapshot.of(snapshot.run()),
                new PreventiveCheckAnswer.Grant(request.person(), request.system(), account, newAccount,
                        request.entitlement(), request.entitlementType().code(), plain(request.amount())),
                added.stream().map(f -> PreventiveCheckAnswer.AddedFinding.of(f, index.ruleSet())).toList(),
                notices(index, request, locale));
    }

    /** The person's one account in the system; a new one when they have none; the caller must say which of several. */
    private static String accountFor(WhatIfIndex index, Subject subject, PreventiveCheckRequest request) {
        List<String> accounts = index.accountsIn(subject, request.system());
        if (accounts.size() > 1) {
            throw ApiFailure.badRequest("account", "api.check.severalAccounts", request.person(), request.system(),
                    String.join(", ", accounts));
        }
        return accounts.isEmpty() ? NEW_ACCOUNT : accounts.getFirst();
    }

    private List<String> notices(WhatIfIndex index, PreventiveCheckRequest request, Locale locale) {
        List<String> notices = new ArrayList<>();
        if (!index.knowsSystem(request.system())) {
            notices.add(messages.getMessage("api.notice.unknownSystem", new Object[]{request.system(),
                    index.ruleSet().id()}, locale));
        } else if (!index.couldMatter(request.system(), request.entitlement(), request.entitlementType())) {
            notices.add(messages.getMessage("api.notice.unknownEntitlement", new Object[]{request.entitlement(),
                    request.system(), index.ruleSet().id()}, locale));
        }
        return notices;
    }

    private static BigDecimal plain(BigDecimal amount) {
        return amount == null ? null : new BigDecimal(amount.stripTrailingZeros().toPlainString());
    }
}
