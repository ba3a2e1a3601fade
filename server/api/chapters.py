"""New chapters, the evidence since the current one, and the fresh start Today offers."""
from flask import Blueprint

from ..schemas.chapters import (ChapterEvidenceOut, ChapterIn, ChapterOut, ChapterPatchIn,
                                FreshStartIn, FreshStartOut)
from ..store import chapters
from .common import current_user, doc, request_json

bp = Blueprint("chapters", __name__)


@bp.get("/chapters")
@doc("The chapters, oldest first; the current one is the latest begun", response=ChapterOut,
     many=True)
def list_chapters():
    return ChapterOut(many=True).dump(chapters.chapters_of(current_user()))


@bp.post("/chapters")
@doc("Begin a chapter (a dated name: \"Since the move\")", body=ChapterIn, response=ChapterOut,
     status=201)
def create_chapter():
    chapter = chapters.create_chapter(current_user(), ChapterIn().load(request_json()))
    return ChapterOut().dump(chapter), 201


@bp.patch("/chapters/<int:chapter_id>")
@doc("Rename a chapter or move its first day", body=ChapterPatchIn, response=ChapterOut)
def patch_chapter(chapter_id):
    chapter = chapters.chapter_of(current_user(), chapter_id)
    data = ChapterPatchIn().load(request_json())
    return ChapterOut().dump(chapters.update_chapter(current_user(), chapter, data))


@bp.delete("/chapters/<int:chapter_id>")
@doc("Remove a chapter (nothing else changes)", status=204)
def delete_chapter(chapter_id):
    chapters.delete_chapter(chapters.chapter_of(current_user(), chapter_id))
    return "", 204


@bp.get("/chapters/evidence")
@doc("The votes since the current chapter began, in all and per identity",
     response=ChapterEvidenceOut)
def chapter_evidence():
    return ChapterEvidenceOut().dump(chapters.evidence(current_user()))


@bp.get("/fresh-start")
@doc("The landmarks at which Today offers a fresh start, and today's offer",
     response=FreshStartOut)
def get_fresh_start():
    return FreshStartOut().dump(chapters.fresh_start(current_user()))


@bp.patch("/fresh-start")
@doc("Choose the landmarks (a new week, a new month, a chapter's anniversary)",
     body=FreshStartIn, response=FreshStartOut)
def patch_fresh_start():
    data = FreshStartIn().load(request_json())
    if "landmarks" not in data:  # an empty PATCH changes nothing
        return FreshStartOut().dump(chapters.fresh_start(current_user()))
    return FreshStartOut().dump(chapters.choose_landmarks(current_user(), data["landmarks"]))


@bp.post("/fresh-start/dismiss")
@doc("Set today's offer aside: every landmark up to today is offered no more",
     response=FreshStartOut)
def dismiss_fresh_start():
    return FreshStartOut().dump(chapters.dismiss(current_user()))
