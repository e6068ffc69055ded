-- Payments (issue 7, part B, module "payments"): budgets per program and region, the entitlements (应发待遇) approved
-- decisions create, exclusive claim keys across programs, payment batches (发放批次) and the payment attempts in them,
-- and the enterprise's basic account (对公基本存款账户) they are paid to. What matters here: nothing is ever granted
-- twice or past a budget, no entitlement ever has two live payment attempts, a paid one never another, and every
-- state moves only the way the triggers below allow, whatever the Java code does.

select set_config('chunfeng.scope', '', true);

-- ---------------------------------------------------------------- the enterprise's account
-- 对公基本存款账户: an enterprise's account is not personal data, kept plain.
alter table enterprise
    add column bank_name    text constraint enterprise_bank_name check (length(btrim(bank_name)) between 1 and 60),
    add column bank_account text constraint enterprise_bank_account check (bank_account ~ '^[0-9]{8,30}$'),
    add constraint enterprise_bank_complete check ((bank_name is null) = (bank_account is null));

-- ---------------------------------------------------------------- budgets
-- 预算: what a program may commit in a region. committed grows with every grant, paid with every paid payment; the
-- CHECK is what finally keeps a grant from going past the budget (the grant path draws with a conditional UPDATE).
-- No row-level security: a budget holds no person, and a county's decision draws on its city's budget.
create table payment_budget (
    program_id    bigint not null constraint payment_budget_program_fk references subsidy_program (id),
    region_code   char(6) not null constraint payment_budget_region_fk references region (code),
    budget_fen    bigint not null,
    committed_fen bigint not null default 0,
    paid_fen      bigint not null default 0,
    -- what the bank file says the money is for (用途), e.g. the program's name; optional
    purpose       text constraint payment_budget_purpose check (length(btrim(purpose)) between 1 and 60),
    updated_at    timestamptz not null default now(),
    constraint payment_budget_once primary key (program_id, region_code),
    constraint payment_budget_amounts check (0 <= paid_fen and paid_fen <= committed_fen and committed_fen <= budget_fen)
);

create function payment_budget_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'payment budgets are never deleted' using errcode = 'insufficient_privilege';
end $$;
create trigger payment_budget_no_delete before delete or truncate on payment_budget
    for each statement execute function payment_budget_fixed();

-- ---------------------------------------------------------------- entitlements
-- The budget row of (program_id, budget_region) is locked by every grant (conditional UPDATE or FOR UPDATE) in the
-- granting transaction, and budgets are never deleted; the foreign key is left out because a per-row check would
-- double the time of the bulk grants (10^6 at once).
create table entitlement (
    id             bigint generated always as identity primary key,
    program_id     bigint not null,
    budget_region  char(6) not null,
    payee_kind     text not null constraint entitlement_payee_kind check (payee_kind in ('ENTERPRISE', 'WORKER')),
    payee_id       bigint not null,
    payee_name     text not null constraint entitlement_payee_name check (length(btrim(payee_name)) between 1 and 200),
    -- the region scope of the entitlement
    payee_region   char(6) not null constraint entitlement_payee_region check (payee_region ~ '^[0-9]{6}$'),
    period         text not null constraint entitlement_period check (length(btrim(period)) between 1 and 100),
    amount_fen     bigint not null constraint entitlement_amount check (amount_fen > 0),
    source         text not null constraint entitlement_source check (length(btrim(source)) between 1 and 200),
    status         text not null default 'DUE'
                   constraint entitlement_status check (status in ('DUE', 'IN_BATCH', 'PAID', 'FAILED')),
    -- payment attempts made so far: the next attempt's number is attempts + 1
    attempts       int not null default 0 constraint entitlement_attempts check (attempts >= 0),
    failure_reason text,
    granted_at     timestamptz not null default now(),
    paid_at        timestamptz,
    updated_at     timestamptz not null default now(),
    constraint entitlement_once unique (program_id, payee_kind, payee_id, period),
    constraint entitlement_paid_at check ((status = 'PAID') = (paid_at is not null)),
    constraint entitlement_failure check ((status = 'FAILED') = (failure_reason is not null)),
    constraint entitlement_in_batch_attempted check (status = 'DUE' or attempts >= 1)
);
create index entitlement_due on entitlement (payee_region bpchar_pattern_ops, id) where status = 'DUE';
create index entitlement_source on entitlement (source);
-- few indexes on purpose: every one costs the bulk grants of the automatic refund run (10^6 rows) time; the unique
-- key serves lookups by program

-- 排他的领取键: one key per thing only one entitlement may ever cover, across every program (one person, one living
-- subsidy per month; one refund per enterprise and year). Holds no personal data beyond record ids.
create table entitlement_claim (
    claim_key      text constraint entitlement_claim_once primary key
                   constraint entitlement_claim_key check (length(claim_key) between 1 and 100),
    entitlement_id bigint not null
);

-- ---------------------------------------------------------------- payment batches and attempts
create table payment_batch (
    id               bigint generated always as identity primary key,
    region_code      char(6) not null constraint payment_batch_region_fk references region (code),
    program_id       bigint constraint payment_batch_program_fk references subsidy_program (id),
    status           text not null default 'BUILDING'
                     constraint payment_batch_status check (status in ('BUILDING', 'READY', 'SENT', 'RECONCILED')),
    payments         bigint not null default 0,
    total_fen        bigint not null default 0,
    paid             bigint not null default 0,
    paid_fen         bigint not null default 0,
    failed           bigint not null default 0,
    failed_fen       bigint not null default 0,
    -- due entitlements of the batch's region (and program) left out because their payee has no account yet
    waiting_account  bigint not null default 0,
    -- the building task's position: entitlements up to this id were looked at by committed chunks
    cursor_id        bigint not null default 0,
    created_by       text not null,
    created_at       timestamptz not null default now(),
    built_at         timestamptz,
    sent_at          timestamptz,
    sent_by          text,
    reconciled_at    timestamptz,
    constraint payment_batch_counts check (payments >= 0 and total_fen >= 0 and paid >= 0 and failed >= 0
                                           and paid + failed <= payments and paid_fen + failed_fen <= total_fen
                                           and waiting_account >= 0),
    constraint payment_batch_built check ((status = 'BUILDING') = (built_at is null)),
    constraint payment_batch_sent check ((status in ('SENT', 'RECONCILED')) = (sent_at is not null)),
    constraint payment_batch_reconciled check ((status = 'RECONCILED') = (reconciled_at is not null)),
    -- reconciled: every payment answered, count and sum agree
    constraint payment_batch_reconciled_totals check (
        status <> 'RECONCILED' or (paid + failed = payments and paid_fen + failed_fen = total_fen))
);
create index payment_batch_region on payment_batch (region_code bpchar_pattern_ops, id);

create function payment_batch_guard() returns trigger language plpgsql as $$
begin
    if new.region_code <> old.region_code or new.program_id is distinct from old.program_id
       or new.created_by <> old.created_by or new.created_at <> old.created_at then
        raise exception 'payment batch % keeps its region, program and creator', old.id
            using errcode = 'check_violation', constraint = 'payment_batch_fixed', table = 'payment_batch';
    end if;
    if new.status is distinct from old.status
       and not ((old.status = 'BUILDING' and new.status = 'READY') or (old.status = 'READY' and new.status = 'SENT')
                or (old.status = 'SENT' and new.status = 'RECONCILED')) then
        raise exception 'payment batch % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'payment_batch_transition', table = 'payment_batch';
    end if;
    -- once built, the batch's content is fixed; only answers are counted
    if old.status <> 'BUILDING' and (new.payments <> old.payments or new.total_fen <> old.total_fen
                                     or new.cursor_id <> old.cursor_id) then
        raise exception 'payment batch % is built', old.id
            using errcode = 'check_violation', constraint = 'payment_batch_built_fixed', table = 'payment_batch';
    end if;
    if old.status = 'RECONCILED' then
        raise exception 'payment batch % is reconciled', old.id
            using errcode = 'check_violation', constraint = 'payment_batch_reconciled_fixed', table = 'payment_batch';
    end if;
    return new;
end $$;
create trigger payment_batch_guard before update on payment_batch
    for each row execute function payment_batch_guard();
create trigger payment_batch_no_delete before delete or truncate on payment_batch
    for each statement execute function payment_budget_fixed();

-- 支付记录: one attempt to pay an entitlement, with the payee's account as it was when the batch took it. Its
-- reference in the bank files is P<entitlement id>-<attempt no>.
create table payment (
    entitlement_id bigint not null,
    attempt_no     int not null constraint payment_attempt check (attempt_no >= 1),
    batch_id       bigint not null,
    amount_fen     bigint not null constraint payment_amount check (amount_fen > 0),
    payee_kind     text not null constraint payment_payee_kind check (payee_kind in ('ENTERPRISE', 'WORKER')),
    payee_name     text not null,
    payee_region   char(6) not null,
    -- the account snapshot: an enterprise's account plain, a worker's sealed (PersonalData), masked either way
    bank_name      text not null,
    account_plain  text constraint payment_account_plain check (account_plain ~ '^[0-9]{8,30}$'),
    account_sealed bytea,
    account_masked text not null constraint payment_account_masked check (account_masked ~ '^[0-9]{4}\**[0-9]{4}$'),
    status         text not null default 'QUEUED'
                   constraint payment_status check (status in ('QUEUED', 'SENT', 'PAID', 'FAILED')),
    failure_reason text constraint payment_failure_reason check (length(btrim(failure_reason)) between 1 and 200),
    created_at     timestamptz not null default now(),
    answered_at    timestamptz,
    constraint payment_pk primary key (entitlement_id, attempt_no),
    constraint payment_account_one check ((account_plain is null) <> (account_sealed is null)
                                          and (payee_kind = 'WORKER') = (account_sealed is not null)),
    constraint payment_failure check ((status = 'FAILED') = (failure_reason is not null)),
    constraint payment_answered check ((status in ('PAID', 'FAILED')) = (answered_at is not null))
);
-- no entitlement ever has two live attempts, and a paid one never another
create unique index payment_live on payment (entitlement_id) where status <> 'FAILED';
create index payment_batch_rows on payment (batch_id, entitlement_id, attempt_no);

-- Attempts move QUEUED → SENT → PAID | FAILED and keep everything else; answers move their entitlement (and the
-- budget's paid amount) in the same statement.
create function payment_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'QUEUED' then
            raise exception 'a payment starts queued' using errcode = 'check_violation',
                constraint = 'payment_transition', table = 'payment';
        end if;
        return new;
    end if;
    if (new.entitlement_id, new.attempt_no, new.batch_id, new.amount_fen, new.payee_kind, new.payee_name,
        new.payee_region, new.bank_name, new.account_plain, new.account_sealed, new.account_masked, new.created_at)
       is distinct from
       (old.entitlement_id, old.attempt_no, old.batch_id, old.amount_fen, old.payee_kind, old.payee_name,
        old.payee_region, old.bank_name, old.account_plain, old.account_sealed, old.account_masked, old.created_at) then
        raise exception 'payment P%-% keeps what was sent', old.entitlement_id, old.attempt_no
            using errcode = 'check_violation', constraint = 'payment_fixed', table = 'payment';
    end if;
    if new.status is distinct from old.status
       and not ((old.status = 'QUEUED' and new.status = 'SENT')
                or (old.status = 'SENT' and new.status in ('PAID', 'FAILED'))) then
        raise exception 'payment P%-% cannot go from % to %', old.entitlement_id, old.attempt_no, old.status, new.status
            using errcode = 'check_violation', constraint = 'payment_transition', table = 'payment';
    end if;
    if new.status = old.status and (new.failure_reason is distinct from old.failure_reason
                                    or new.answered_at is distinct from old.answered_at) then
        raise exception 'payment P%-% was answered already', old.entitlement_id, old.attempt_no
            using errcode = 'check_violation', constraint = 'payment_transition', table = 'payment';
    end if;
    return new;
end $$;
create trigger payment_guard before insert or update on payment
    for each row execute function payment_guard();
create trigger payment_no_delete before delete or truncate on payment
    for each statement execute function payment_budget_fixed();

create function payment_answered() returns trigger language plpgsql as $$
declare
    budget_program bigint;
    budget_region  char(6);
begin
    if new.status = 'PAID' and old.status <> 'PAID' then
        update entitlement set status = 'PAID', paid_at = new.answered_at, updated_at = now()
        where id = new.entitlement_id
        returning program_id, entitlement.budget_region into budget_program, budget_region;
        update payment_budget set paid_fen = paid_fen + new.amount_fen, updated_at = now()
        where program_id = budget_program and region_code = budget_region;
    elsif new.status = 'FAILED' and old.status <> 'FAILED' then
        update entitlement set status = 'FAILED', failure_reason = new.failure_reason, updated_at = now()
        where id = new.entitlement_id;
    end if;
    return null;
end $$;
create trigger payment_answered after update of status on payment
    for each row execute function payment_answered();

-- An entitlement keeps what was granted; its status moves DUE → IN_BATCH (a new attempt: attempts + 1) → PAID or
-- FAILED (only as its attempt is answered), FAILED → DUE (reissued by finance), and PAID is final.
create function entitlement_guard() returns trigger language plpgsql as $$
begin
    if (new.program_id, new.budget_region, new.payee_kind, new.payee_id, new.payee_name, new.payee_region, new.period,
        new.amount_fen, new.source, new.granted_at)
       is distinct from
       (old.program_id, old.budget_region, old.payee_kind, old.payee_id, old.payee_name, old.payee_region, old.period,
        old.amount_fen, old.source, old.granted_at) then
        raise exception 'entitlement % keeps what was granted', old.id
            using errcode = 'check_violation', constraint = 'entitlement_fixed', table = 'entitlement';
    end if;
    if new.status = old.status then
        if new.attempts <> old.attempts or new.paid_at is distinct from old.paid_at
           or new.failure_reason is distinct from old.failure_reason then
            raise exception 'entitlement % changes only with its status', old.id
                using errcode = 'check_violation', constraint = 'entitlement_transition', table = 'entitlement';
        end if;
        return new;
    end if;
    if old.status = 'DUE' and new.status = 'IN_BATCH' then
        if new.attempts <> old.attempts + 1 then
            raise exception 'entitlement % goes into a batch as attempt %', old.id, old.attempts + 1
                using errcode = 'check_violation', constraint = 'entitlement_transition', table = 'entitlement';
        end if;
    elsif old.status = 'IN_BATCH' and new.status in ('PAID', 'FAILED') then
        if new.attempts <> old.attempts or not exists (
                select 1 from payment p where p.entitlement_id = old.id and p.attempt_no = old.attempts
                                          and p.status = new.status) then
            raise exception 'entitlement % is % only as its payment is answered so', old.id, new.status
                using errcode = 'check_violation', constraint = 'entitlement_transition', table = 'entitlement';
        end if;
    elsif old.status = 'FAILED' and new.status = 'DUE' then
        if new.attempts <> old.attempts then
            raise exception 'entitlement % keeps its attempts when reissued', old.id
                using errcode = 'check_violation', constraint = 'entitlement_transition', table = 'entitlement';
        end if;
    else
        raise exception 'entitlement % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'check_violation', constraint = 'entitlement_transition', table = 'entitlement';
    end if;
    return new;
end $$;
create trigger entitlement_guard before update on entitlement
    for each row execute function entitlement_guard();
create trigger entitlement_no_delete before delete or truncate on entitlement
    for each statement execute function payment_budget_fixed();
create trigger entitlement_claim_no_delete before update or delete or truncate on entitlement_claim
    for each statement execute function payment_budget_fixed();

-- ---------------------------------------------------------------- region scope
-- Entitlements and payments by the payee's region, batches by the region they pay.
alter table entitlement enable row level security;
alter table entitlement force row level security;
create policy entitlement_scope on entitlement
    using (payee_region like current_setting('chunfeng.scope', true) || '%')
    with check (payee_region like current_setting('chunfeng.scope', true) || '%');

alter table payment enable row level security;
alter table payment force row level security;
create policy payment_scope on payment
    using (payee_region like current_setting('chunfeng.scope', true) || '%')
    with check (payee_region like current_setting('chunfeng.scope', true) || '%');

alter table payment_batch enable row level security;
alter table payment_batch force row level security;
create policy payment_batch_scope on payment_batch
    using (region_code like current_setting('chunfeng.scope', true) || '%')
    with check (region_code like current_setting('chunfeng.scope', true) || '%');
