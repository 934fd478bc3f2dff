"""Initial schema (schema 1.0): studio, mediators, cases, parties, records, outbox, search.

Revision ID: 0001
Revises: 
Create Date: 2026-11-30 00:03:57.640465
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id')
    )
    op.create_table('case_number_counter',
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('studio_id', 'prefix', 'year')
    )
    op.create_table('draft',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'key')
    )
    op.create_table('mediator',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediator_studio_id'), ['studio_id'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('party',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=10), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('occupation', sa.String(length=100), nullable=False),
    sa.Column('representative', sa.String(length=100), nullable=False),
    sa.Column('representative_title', sa.String(length=50), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_studio_id'), ['studio_id'], unique=False)

    op.create_table('studio',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('committee_name', sa.String(length=100), nullable=False),
    sa.Column('case_prefix', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('case',
    sa.Column('local_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.String(length=60), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('dispute_type', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('requests', sa.JSON(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('referral_note', sa.Text(), nullable=False),
    sa.Column('mediator_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('retention_class', sa.String(length=20), nullable=False),
    sa.Column('legal_hold', sa.Boolean(), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], ),
    sa.PrimaryKeyConstraint('local_id'),
    sa.UniqueConstraint('id'),
    sa.UniqueConstraint('studio_id', 'case_no', name='uq_case_no')
    )
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index('ix_case_order', ['deleted', 'registered_on', 'local_id', 'status', 'dispute_type'], unique=False)
        batch_op.create_index('ix_case_list', ['local_id', 'deleted', 'registered_on', 'status', 'dispute_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_studio_id'), ['studio_id'], unique=False)

    op.create_table('agreement',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('performance_method', sa.Text(), nullable=False),
    sa.Column('performance_deadline', sa.Date(), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('signed_blob', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_studio_id'), ['studio_id'], unique=False)

    op.create_table('attachment',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_studio_id'), ['studio_id'], unique=False)

    op.create_table('case_party',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('party_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('represents_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], ),
    sa.ForeignKeyConstraint(['represents_id'], ['case_party.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_party_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_studio_id'), ['studio_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('performed', sa.Boolean(), nullable=True),
    sa.Column('satisfaction', sa.String(length=20), nullable=False),
    sa.Column('lawsuit', sa.Text(), nullable=False),
    sa.Column('escalation', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('visitor', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_studio_id'), ['studio_id'], unique=False)

    op.create_table('investigation_record',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('investigator', sa.String(length=100), nullable=False),
    sa.Column('interviewee', sa.String(length=100), nullable=False),
    sa.Column('recorder', sa.String(length=100), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('investigation_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_investigation_record_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_investigation_record_studio_id'), ['studio_id'], unique=False)

    op.create_table('session_record',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.Column('privacy_consent', sa.Text(), nullable=False),
    sa.Column('statements', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('risk_warning', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('recorder', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('session_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_record_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_record_studio_id'), ['studio_id'], unique=False)



    # Full-text search (see mediator/store/search.py for why there are two indexes).
    op.execute(
        "CREATE TABLE case_search (local_id INTEGER PRIMARY KEY "
        "REFERENCES \"case\"(local_id) ON DELETE CASCADE, body TEXT NOT NULL, "
        "body_uni TEXT NOT NULL)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE case_fts USING fts5(body, content='case_search', "
        "content_rowid='local_id', tokenize='trigram')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE case_fts_uni USING fts5(body_uni, content='case_search', "
        "content_rowid='local_id', tokenize='unicode61 remove_diacritics 0')"
    )
    op.execute(
        "CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN "
        "INSERT INTO case_fts(rowid, body) VALUES (new.local_id, new.body); "
        "INSERT INTO case_fts_uni(rowid, body_uni) VALUES (new.local_id, new.body_uni); END"
    )
    op.execute(
        "CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN "
        "INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.local_id, old.body); "
        "INSERT INTO case_fts_uni(case_fts_uni, rowid, body_uni) "
        "VALUES ('delete', old.local_id, old.body_uni); END"
    )
    op.execute(
        "CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN "
        "INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', old.local_id, old.body); "
        "INSERT INTO case_fts_uni(case_fts_uni, rowid, body_uni) "
        "VALUES ('delete', old.local_id, old.body_uni); "
        "INSERT INTO case_fts(rowid, body) VALUES (new.local_id, new.body); "
        "INSERT INTO case_fts_uni(rowid, body_uni) VALUES (new.local_id, new.body_uni); END"
    )


def downgrade() -> None:
    for name in ("case_search_au", "case_search_ad", "case_search_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in ("case_fts_uni", "case_fts", "case_search"):
        op.execute(f"DROP TABLE IF EXISTS {name}")

    with op.batch_alter_table('session_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_record_studio_id'))
        batch_op.drop_index(batch_op.f('ix_session_record_case_id'))

    op.drop_table('session_record')
    with op.batch_alter_table('investigation_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_investigation_record_studio_id'))
        batch_op.drop_index(batch_op.f('ix_investigation_record_case_id'))

    op.drop_table('investigation_record')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_studio_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_case_id'))

    op.drop_table('follow_up')
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_party_studio_id'))
        batch_op.drop_index(batch_op.f('ix_case_party_party_id'))
        batch_op.drop_index(batch_op.f('ix_case_party_case_id'))

    op.drop_table('case_party')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_studio_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_case_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_studio_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_case_id'))

    op.drop_table('agreement')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_studio_id'))
        batch_op.drop_index('ix_case_list')
        batch_op.drop_index('ix_case_order')

    op.drop_table('case')
    op.drop_table('studio')
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_studio_id'))
        batch_op.drop_index(batch_op.f('ix_party_phone'))
        batch_op.drop_index(batch_op.f('ix_party_id_number'))

    op.drop_table('party')
    op.drop_table('outbox')
    op.drop_table('meta')
    with op.batch_alter_table('mediator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediator_studio_id'))

    op.drop_table('mediator')
    op.drop_table('draft')
    op.drop_table('case_number_counter')
    op.drop_table('audit_event')

